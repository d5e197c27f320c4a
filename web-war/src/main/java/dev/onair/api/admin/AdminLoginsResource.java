package dev.onair.api.admin;

import dev.onair.accounts.entity.Role;
import dev.onair.api.OnAirApi;
import dev.onair.api.me.LoginPageView;
import dev.onair.logins.boundary.LoginHistory;
import dev.onair.logins.entity.HistoryFilter;
import dev.onair.logins.entity.Outcome;
import dev.onair.shared.FieldError;
import dev.onair.shared.InvalidInput;
import dev.onair.shared.PageRequest;
import dev.onair.signin.entity.Scopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

@Path("admin/logins")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_GROUP)
@SecurityRequirement(name = OnAirApi.BEARER)
@SecurityRequirement(name = OnAirApi.CLIENT, scopes = Scopes.ADMIN)
@Tag(name = "admin")
public class AdminLoginsResource {

    @EJB
    LoginHistory history;

    @GET
    @Operation(summary = "Search the login history (admins)", description = "Every sign-in attempt, newest first, "
            + "narrowed by any of the parameters.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = LoginPageView.class)))
    @APIResponse(responseCode = "400", description = "A parameter is not valid; errors names it", ref = OnAirApi.BAD_REQUEST)
    @APIResponse(responseCode = "401", description = "No valid bearer token", ref = OnAirApi.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = "Not an admin", ref = OnAirApi.FORBIDDEN)
    public LoginPageView search(@Parameter(description = "Account id") @QueryParam("account") String account,
                                @Parameter(description = "Provider id (kakao, google, ...)") @QueryParam("provider") String provider,
                                @Parameter(description = "SUCCESS or FAILURE") @QueryParam("outcome") String outcome,
                                @Parameter(description = "From this instant on (ISO-8601, e.g. 2026-11-25T00:00:00Z)") @QueryParam("from") String from,
                                @Parameter(description = "Before this instant (ISO-8601)") @QueryParam("to") String to,
                                @Parameter(description = "Page number from 0") @QueryParam("page") String page,
                                @Parameter(description = "Page size, 1 to 100") @QueryParam("size") String size) {
        List<FieldError> errors = new ArrayList<>();
        Outcome wanted = null;
        if (outcome != null && !outcome.isEmpty()) {
            try {
                wanted = Outcome.valueOf(outcome.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("outcome", "must be SUCCESS or FAILURE"));
            }
        }
        Instant since = instant("from", from, errors);
        Instant until = instant("to", to, errors);
        if (since != null && until != null && !since.isBefore(until)) {
            errors.add(new FieldError("to", "must be after from"));
        }
        PageRequest request;
        try {
            request = PageRequest.parse(page, size);
        } catch (InvalidInput e) {
            errors.addAll(e.errors());
            request = null;
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return LoginPageView.of(history.search(new HistoryFilter(blankToNull(account), blankToNull(provider), wanted,
                since, until), request));
    }

    private static Instant instant(String field, String value, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 instant such as 2026-11-25T09:00:00Z"));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
