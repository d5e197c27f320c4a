package dev.onair.api.me;

import dev.onair.accounts.entity.Role;
import dev.onair.api.Callers;
import dev.onair.api.NoStore;
import dev.onair.api.OnAirApi;
import dev.onair.signin.boundary.ApiClientStates;
import dev.onair.signin.boundary.ApiClients;
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
import jakarta.ws.rs.core.UriInfo;
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

/**
 * The signed-in person's API clients. People only: an API client's token is refused here
 * ({@code insufficient-scope}), so a leaked client cannot make itself more clients or keep
 * itself alive past its revocation.
 */
@Path("me/clients")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.USER_GROUP, Role.ADMIN_GROUP})
@SecurityRequirement(name = OnAirApi.BEARER)
@Tag(name = "me")
@APIResponse(responseCode = "401", description = "No valid bearer token", ref = OnAirApi.UNAUTHORIZED)
@APIResponse(responseCode = "403", description = "The token grants neither user nor admin, or is an API client's "
        + "(insufficient-scope: people only)", ref = OnAirApi.FORBIDDEN)
public class ApiClientsResource {

    @Inject
    Callers callers;

    @EJB
    ApiClients clients;

    @Inject
    ApiClientStates states;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createApiClient", summary = "Create an API client", description = "A program that acts for this account within its "
            + "scopes, with client credentials at /api/auth/token. The answer holds the secret, this once; at most 20 "
            + "active clients per account; the admin scope for administrators only.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NewApiClient.class)))
    @APIResponse(responseCode = "201", description = "The client with its secret; Location names it",
            content = @Content(schema = @Schema(implementation = ApiClientView.class)))
    @APIResponse(responseCode = "400", description = "Invalid or unknown fields, unknown scopes, a malformed body", ref = OnAirApi.BAD_REQUEST)
    @APIResponse(responseCode = "409", description = "20 active clients already (too-many-clients)", ref = OnAirApi.CONFLICT)
    public Response create(@Context SecurityContext security, @Context UriInfo uri, InputStream body) {
        NewApiClient request = NewApiClient.read(body);
        ApiClientView made = ApiClientView.of(clients.create(callers.of(security), request.name(), request.scopes()));
        return NoStore.of(Response.created(uri.getAbsolutePathBuilder().path(made.id()).build()).entity(made));
    }

    @GET
    @Operation(operationId = "listApiClients", summary = "My API clients", description = "Newest first, revoked ones included; never their secrets.")
    @APIResponse(responseCode = "200", description = "The clients", content = @Content(
            schema = @Schema(type = SchemaType.ARRAY, implementation = ApiClientView.class)))
    public List<ApiClientView> list(@Context SecurityContext security) {
        return clients.of(callers.of(security)).stream().map(ApiClientView::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getApiClient", summary = "One of my API clients")
    @APIResponse(responseCode = "200", description = "The client", content = @Content(schema = @Schema(implementation = ApiClientView.class)))
    @APIResponse(responseCode = "404", description = "No such client of this account (unknown-client)", ref = OnAirApi.NOT_FOUND)
    public ApiClientView get(@Context SecurityContext security, @PathParam("id") String id) {
        return ApiClientView.of(clients.find(callers.of(security), id));
    }

    @POST
    @Path("{id}/rotation")
    @Operation(operationId = "rotateApiClientSecret", summary = "Rotate an API client's secret", description = "A new secret, in this answer only; the old one "
            + "gets no more tokens from now on (tokens it got work until they expire, at most 15 minutes).")
    @APIResponse(responseCode = "200", description = "The client with its new secret",
            content = @Content(schema = @Schema(implementation = ApiClientView.class)))
    @APIResponse(responseCode = "404", description = "No such client of this account (unknown-client)", ref = OnAirApi.NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The client is revoked (client-revoked)", ref = OnAirApi.CONFLICT)
    public Response rotate(@Context SecurityContext security, @PathParam("id") String id) {
        return NoStore.of(Response.ok(ApiClientView.of(clients.rotate(callers.of(security), id))));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "revokeApiClient", summary = "Revoke an API client", description = "It gets no more tokens, and the tokens it has stop "
            + "working within onair.auth.client-state-refresh (5 s by default) on every node. Revoking twice is fine.")
    @APIResponse(responseCode = "200", description = "The revoked client", content = @Content(schema = @Schema(implementation = ApiClientView.class)))
    @APIResponse(responseCode = "404", description = "No such client of this account (unknown-client)", ref = OnAirApi.NOT_FOUND)
    public ApiClientView revoke(@Context SecurityContext security, @PathParam("id") String id) {
        ApiClientView revoked = ApiClientView.of(clients.revoke(callers.of(security), id));
        states.forget(revoked.id());
        return revoked;
    }
}
