package dev.onair.api.admin;

import dev.onair.accounts.boundary.Accounts;
import dev.onair.accounts.entity.Role;
import dev.onair.api.Callers;
import dev.onair.api.OnAirApi;
import dev.onair.shared.Ids;
import dev.onair.signin.entity.Scopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("admin/accounts/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_GROUP)
@SecurityRequirement(name = OnAirApi.BEARER)
@SecurityRequirement(name = OnAirApi.CLIENT, scopes = Scopes.ADMIN)
@Tag(name = "admin")
@APIResponse(responseCode = "401", description = "No valid bearer token", ref = OnAirApi.UNAUTHORIZED)
@APIResponse(responseCode = "403", description = "Not an admin", ref = OnAirApi.FORBIDDEN)
@APIResponse(responseCode = "404", description = "No such account", ref = OnAirApi.NOT_FOUND)
public class AdminAccountsResource {

    @EJB
    Accounts accounts;

    @Inject
    Callers callers;

    @POST
    @Path("disable")
    @Operation(summary = "Disable an account (admins)", description = "At once: its sessions are revoked, its "
            + "refreshes and sign-ins refused (account-disabled), its access tokens stop working, its unfinished "
            + "channel ends (reason account-disabled) and its encoder is dropped; its publishes are refused. "
            + "Disabling a disabled account changes nothing.")
    @APIResponse(responseCode = "200", description = "The disabled account",
            content = @Content(schema = @Schema(implementation = AdminAccountView.class)))
    @APIResponse(responseCode = "409", description = "An admin's own account (own-account)", ref = OnAirApi.CONFLICT)
    public AdminAccountView disable(@Parameter(description = "Account id (UUID)") @PathParam("id") String id,
                                    @Context SecurityContext security) {
        return AdminAccountView.of(accounts.disable(checked(id), callers.of(security)));
    }

    @POST
    @Path("enable")
    @Operation(summary = "Enable a disabled account (admins)", description = "The person can sign in again; the "
            + "sessions revoked when it was disabled stay revoked.")
    @APIResponse(responseCode = "200", description = "The enabled account",
            content = @Content(schema = @Schema(implementation = AdminAccountView.class)))
    public AdminAccountView enable(@Parameter(description = "Account id (UUID)") @PathParam("id") String id,
                                   @Context SecurityContext security) {
        return AdminAccountView.of(accounts.enable(checked(id), callers.of(security)));
    }

    private static String checked(String id) {
        return Ids.existing("account", id);
    }
}
