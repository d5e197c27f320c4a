package dev.onair.api.webhooks;

import dev.onair.accounts.entity.Role;
import dev.onair.api.Callers;
import dev.onair.api.NoStore;
import dev.onair.api.OnAirApi;
import dev.onair.shared.QueryNumbers;
import dev.onair.signin.entity.Scopes;
import dev.onair.webhooks.boundary.Webhooks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.util.List;

/**
 * Webhook subscriptions of the caller (an admin: anyone's by id). Each delivery is a POST of
 * {@code {"type", "timestamp", "data": <the feed event>}} with the Standard Webhooks headers
 * {@code webhook-id} (the event's id), {@code webhook-timestamp} and {@code webhook-signature}.
 */
@Path("webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.USER_GROUP, Role.ADMIN_GROUP})
@SecurityRequirement(name = OnAirApi.BEARER)
@SecurityRequirement(name = OnAirApi.CLIENT, scopes = Scopes.WEBHOOKS_WRITE)
@Tag(name = "webhooks")
@APIResponse(responseCode = "401", description = "No valid bearer token", ref = OnAirApi.UNAUTHORIZED)
@APIResponse(responseCode = "403", description = "The token grants neither user nor admin, or lacks webhooks:write (insufficient-scope)",
        ref = OnAirApi.FORBIDDEN)
public class WebhooksResource {

    private static final int DEFAULT_DELIVERIES = 50;

    @Inject
    Callers callers;

    @EJB
    Webhooks webhooks;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Subscribe a receiver to the feed", description = "From now on, every event of "
            + "the given types (and channel) that the caller may read in GET /api/events is POSTed to url, signed by the Standard "
            + "Webhooks specification with the secret in this answer (shown this once). At least once, a channel's events in "
            + "order, retried with backoff for 24 h, then kept as dead letters. The URL must be https and resolve to public "
            + "addresses only (checked now and at every delivery; redirects are not followed). At most 20 per account.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NewWebhook.class)))
    @APIResponse(responseCode = "201", description = "The subscription with its secret; Location names it",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "400", description = "A URL that is not https, does not resolve or resolves to a private, loopback, "
            + "link-local or metadata address; unknown types; a malformed body", ref = OnAirApi.BAD_REQUEST)
    @APIResponse(responseCode = "404", description = "channelId names no channel of the caller's", ref = OnAirApi.NOT_FOUND)
    @APIResponse(responseCode = "409", description = "20 subscriptions already (too-many-webhooks)", ref = OnAirApi.CONFLICT)
    @APIResponse(responseCode = "413", description = "A body over 64 KiB (payload-too-large)", ref = OnAirApi.TOO_LARGE)
    public Response create(@Context SecurityContext security, @Context UriInfo uri, InputStream body) {
        NewWebhook request = NewWebhook.read(body);
        WebhookView made = WebhookView.of(webhooks.subscribe(callers.of(security), request.url(), request.types(), request.channelId()));
        return NoStore.of(Response.created(uri.getAbsolutePathBuilder().path(made.id()).build()).entity(made));
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "My webhook subscriptions", description = "Newest first; never their secrets.")
    @APIResponse(responseCode = "200", description = "The subscriptions",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = WebhookView.class)))
    public List<WebhookView> list(@Context SecurityContext security) {
        return webhooks.of(callers.of(security)).stream().map(WebhookView::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getWebhook", summary = "One webhook subscription")
    @APIResponse(responseCode = "200", description = "The subscription", content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's", ref = OnAirApi.NOT_FOUND)
    public WebhookView get(@Context SecurityContext security, @PathParam("id") String id) {
        return WebhookView.of(webhooks.find(id, callers.of(security)));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook subscription", description = "No more deliveries, pending ones included.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's", ref = OnAirApi.NOT_FOUND)
    public Response delete(@Context SecurityContext security, @PathParam("id") String id) {
        webhooks.delete(id, callers.of(security));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/secret/rotation")
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate a webhook's signing secret", description = "A new secret, in this "
            + "answer only. For onair.webhooks.secret-overlap (24 h) deliveries carry two signatures, one by each secret, so the "
            + "receiver can switch whenever it likes within that time.")
    @APIResponse(responseCode = "200", description = "The subscription with its new secret",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's", ref = OnAirApi.NOT_FOUND)
    public Response rotate(@Context SecurityContext security, @PathParam("id") String id) {
        return NoStore.of(Response.ok(WebhookView.of(webhooks.rotate(id, callers.of(security)))));
    }

    @POST
    @Path("{id}/enable")
    @Operation(operationId = "enableWebhook", summary = "Enable a webhook that was disabled for failing",
            description = "Its waiting deliveries and new events go out again.")
    @APIResponse(responseCode = "200", description = "The subscription", content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's", ref = OnAirApi.NOT_FOUND)
    public WebhookView enable(@Context SecurityContext security, @PathParam("id") String id) {
        return WebhookView.of(webhooks.enable(id, callers.of(security)));
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "A webhook's deliveries", description = "Newest first, each with every "
            + "attempt: when, the receiver's status, how long it took, and what went wrong.")
    @APIResponse(responseCode = "200", description = "The deliveries",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = WebhookDeliveryView.class)))
    @APIResponse(responseCode = "400", description = "limit not 1 to 200", ref = OnAirApi.BAD_REQUEST)
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's", ref = OnAirApi.NOT_FOUND)
    public List<WebhookDeliveryView> deliveries(@Context SecurityContext security, @PathParam("id") String id,
                                                @Parameter(description = "At most this many, 1 to 200",
                                                        schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", minimum = "1",
                                                                maximum = "200"))
                                                @QueryParam("limit") String limit) {
        int count = (int) QueryNumbers.whole("limit", limit, DEFAULT_DELIVERIES, 1, Webhooks.MAX_DELIVERIES);
        return webhooks.deliveries(id, callers.of(security), count).stream().map(WebhookDeliveryView::of).toList();
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/redelivery")
    @Operation(operationId = "redeliverWebhookDelivery", summary = "Send a dead letter again",
            description = "It is pending again, with a new retry period, in its channel's order.")
    @APIResponse(responseCode = "200", description = "The delivery, pending again",
            content = @Content(schema = @Schema(implementation = WebhookDeliveryView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's, or no such delivery of it", ref = OnAirApi.NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The delivery is not a dead letter (not-a-dead-letter)", ref = OnAirApi.CONFLICT)
    public WebhookDeliveryView redeliver(@Context SecurityContext security, @PathParam("id") String id,
                                         @PathParam("deliveryId") String deliveryId) {
        return WebhookDeliveryView.of(webhooks.redeliver(id, deliveryId, callers.of(security)));
    }

    @POST
    @Path("{id}/redelivery")
    @Operation(operationId = "redeliverWebhookDeadLetters", summary = "Send every dead letter again",
            description = "All of the subscription's dead letters are pending again, in the feed's order.")
    @APIResponse(responseCode = "200", description = "How many", content = @Content(schema = @Schema(implementation = RedeliveryView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's", ref = OnAirApi.NOT_FOUND)
    public RedeliveryView redeliverAll(@Context SecurityContext security, @PathParam("id") String id) {
        return new RedeliveryView(webhooks.redeliverAll(id, callers.of(security)));
    }
}
