package dev.onair.api.channels;

import dev.onair.accounts.entity.Role;
import dev.onair.api.Callers;
import dev.onair.api.JsonBody;
import dev.onair.api.OnAirApi;
import dev.onair.channels.boundary.ChannelAccess;
import dev.onair.shared.Ids;
import dev.onair.shared.InvalidInput;
import dev.onair.signin.entity.Scopes;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.util.List;
import java.util.Set;

/** The accounts the broadcaster of a private channel allows to watch it. */
@Path("channels/{id}/viewers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.USER_GROUP, Role.ADMIN_GROUP})
@SecurityRequirement(name = OnAirApi.BEARER)
@Tag(name = "channels")
@APIResponse(responseCode = "401", description = "No valid bearer token", ref = OnAirApi.UNAUTHORIZED)
@APIResponse(responseCode = "403", description = "An allowed viewer, not the broadcaster or an admin", ref = OnAirApi.FORBIDDEN)
@APIResponse(responseCode = "404", description = "No such channel, or a private one the caller may not see", ref = OnAirApi.NOT_FOUND)
public class ChannelViewersResource {

    /** The body of POST: whom to allow. */
    @Schema(name = "NewViewer", example = "{\"accountId\": \"0b7e7f43-5a43-4f0e-8f4e-2b8f1c1d9a10\"}")
    public record NewViewer(@Schema(description = "The account's id (what GET /api/me answers it)", required = true) String accountId) {
    }

    @EJB
    ChannelAccess access;

    @Inject
    Callers callers;

    @GET
    @Operation(operationId = "listChannelViewers", summary = "Who may watch a private channel (its broadcaster or an admin)",
            description = "The accounts allowed besides the broadcaster and the admins, oldest first.")
    @APIResponse(responseCode = "200", description = "The allowed accounts",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ViewerView.class)))
    @SecurityRequirement(name = OnAirApi.BEARER)
    @SecurityRequirement(name = OnAirApi.CLIENT, scopes = Scopes.CHANNELS_READ)
    public List<ViewerView> list(@PathParam("id") String id, @Context SecurityContext security) {
        return access.viewers(ChannelsResource.checked(id), callers.of(security)).stream().map(ViewerView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Allow an account to watch (its broadcaster or an admin)",
            description = "The account then sees the private channel in its lists and plays it with signatures of its own. "
                    + "Allowing an account twice changes nothing.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NewViewer.class)))
    @APIResponse(responseCode = "200", description = "The allowed account",
            content = @Content(schema = @Schema(implementation = ViewerView.class)))
    @APIResponse(responseCode = "400", description = "accountId missing or not an account", ref = OnAirApi.BAD_REQUEST)
    @SecurityRequirement(name = OnAirApi.BEARER)
    @SecurityRequirement(name = OnAirApi.CLIENT, scopes = Scopes.CHANNELS_WRITE)
    public ViewerView allow(@PathParam("id") String id, @Context SecurityContext security, InputStream body) {
        String channelId = ChannelsResource.checked(id);
        JsonBody json = JsonBody.read(body, Set.of("accountId"));
        String accountId = json.build(() -> json.text("accountId").orElseThrow(() -> InvalidInput.of("accountId", "is required")));
        return ViewerView.of(access.allow(channelId, callers.of(security), accountId));
    }

    @DELETE
    @Path("{accountId}")
    @Operation(operationId = "withdrawChannelViewer", summary = "Withdraw an account's access (its broadcaster or an admin)",
            description = "At once: the account no longer sees the channel and gets no more playback signatures for it "
                    + "(one already issued lapses at its expiry, onair.cdn.signed-ttl).")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @SecurityRequirement(name = OnAirApi.BEARER)
    @SecurityRequirement(name = OnAirApi.CLIENT, scopes = Scopes.CHANNELS_WRITE)
    public Response withdraw(@PathParam("id") String id, @PathParam("accountId") String accountId,
                             @Context SecurityContext security) {
        access.withdraw(ChannelsResource.checked(id), callers.of(security), Ids.existing("viewer", accountId));
        return Response.noContent().build();
    }
}
