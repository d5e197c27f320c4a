package dev.onair.api.me;

import dev.onair.accounts.entity.Role;
import dev.onair.api.Callers;
import dev.onair.api.OnAirApi;
import dev.onair.logins.boundary.LoginHistory;
import dev.onair.logins.boundary.LoginNotices;
import dev.onair.shared.PageRequest;
import dev.onair.signin.entity.Scopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.USER_GROUP, Role.ADMIN_GROUP})
@SecurityRequirement(name = OnAirApi.BEARER)
@Tag(name = "me")
@APIResponse(responseCode = "401", description = "No valid bearer token", ref = OnAirApi.UNAUTHORIZED)
@APIResponse(responseCode = "403", description = "The token grants neither user nor admin", ref = OnAirApi.FORBIDDEN)
public class MeResource {

    @Inject
    Callers callers;

    @EJB
    LoginHistory history;

    @EJB
    LoginNotices notices;

    @GET
    @Operation(summary = "The signed-in account")
    @APIResponse(responseCode = "200", description = "The account", content = @Content(schema = @Schema(implementation = AccountView.class)))
    @SecurityRequirement(name = OnAirApi.BEARER)
    @SecurityRequirement(name = OnAirApi.CLIENT, scopes = Scopes.CHANNELS_READ)
    public AccountView me(@Context SecurityContext security) {
        return AccountView.of(callers.account(security));
    }

    @GET
    @Path("logins")
    @Operation(summary = "My login history", description = "Every sign-in of this account, successful or not, newest first.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = LoginPageView.class)))
    @APIResponse(responseCode = "400", description = "page or size not valid", ref = OnAirApi.BAD_REQUEST)
    public LoginPageView logins(@Context SecurityContext security,
                                @Parameter(description = "Page number from 0", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0", minimum = "0"))
                                @QueryParam("page") String page,
                                @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20", minimum = "1", maximum = "100"))
                                @QueryParam("size") String size) {
        PageRequest request = PageRequest.parse(page, size);
        return LoginPageView.of(history.ofAccount(callers.of(security).accountId(), request));
    }

    @GET
    @Path("notices")
    @Operation(summary = "Sign-ins from new devices or networks", description = "Newest first.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = NoticePageView.class)))
    @APIResponse(responseCode = "400", description = "page or size not valid", ref = OnAirApi.BAD_REQUEST)
    public NoticePageView notices(@Context SecurityContext security,
                                  @Parameter(description = "Page number from 0") @QueryParam("page") String page,
                                  @Parameter(description = "Page size, 1 to 100") @QueryParam("size") String size) {
        PageRequest request = PageRequest.parse(page, size);
        return NoticePageView.of(notices.ofAccount(callers.of(security).accountId(), request));
    }
}
