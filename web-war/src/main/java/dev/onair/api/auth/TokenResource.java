package dev.onair.api.auth;

import dev.onair.api.ClientAddresses;
import dev.onair.api.NoStore;
import dev.onair.api.RateLimited;
import dev.onair.api.RateLimits;
import dev.onair.api.problems.Problems;
import dev.onair.shared.DomainException;
import dev.onair.shared.InvalidInput;
import dev.onair.signin.boundary.ApiClients;
import dev.onair.signin.entity.ClientRefused;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The token endpoint of API clients (OAuth 2.0 client credentials, RFC 6749 section 4.4), apart
 * from the people's sign-in in {@link AuthResource}: its answers and refusals are shaped for OAuth
 * libraries rather than for browsers.
 */
@Path("auth/token")
@PermitAll
@SecurityRequirementsSet // the client authenticates with its credentials in the request, not with a token
@Tag(name = "auth")
public class TokenResource {

    private static final String BASIC = "Basic ";
    private static final String GRANT_CLIENT_CREDENTIALS = "client_credentials";

    @EJB
    ApiClients apiClients;

    @Inject
    ClientAddresses clients;

    @Inject
    RateLimits limits;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "clientCredentialsToken", summary = "An access token for an API client", description = "OAuth 2.0 client credentials (RFC 6749 "
            + "section 4.4): grant_type=client_credentials, the client authenticated with HTTP Basic (client_secret_basic: "
            + "the form-encoded id and secret) or with client_id and client_secret in the form (client_secret_post), not "
            + "both; scope (space-separated) narrows the token to some of the client's scopes. The token acts for the "
            + "client's owner; no refresh token is issued (ask again). Errors carry RFC 6749 section 5.2's error and "
            + "error_description besides the problem members, as application/json.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(implementation = ClientCredentialsForm.class)))
    @APIResponse(responseCode = "200", description = "A token",
            content = @Content(schema = @Schema(implementation = ClientTokenView.class)))
    @APIResponse(responseCode = "400", description = "grant_type missing or not client_credentials (unsupported-grant-type), "
            + "a scope the client does not have (invalid-scope), or both ways of authenticating (invalid-request)")
    @APIResponse(responseCode = "401", description = "Unknown client, wrong secret, or a revoked client (invalid-client)")
    @APIResponse(responseCode = "403", description = "The client's owner is disabled (account-disabled)")
    @APIResponse(responseCode = "429", description = "This address asked for tokens too often (rate-limited, with Retry-After)")
    public Response token(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                          @FormParam("grant_type") String grantType, @FormParam("scope") String scope,
                          @FormParam("client_id") String clientId, @FormParam("client_secret") String clientSecret) {
        boolean basic = authorization != null && authorization.regionMatches(true, 0, BASIC, 0, BASIC.length());
        try {
            limits.refusal(RateLimits.Group.TOKEN, clients.of(request).ip()).ifPresent(wait -> {
                throw new RateLimited(wait);
            });
            if (grantType == null || grantType.isBlank()) {
                throw InvalidInput.of("grant_type", "is required (client_credentials)");
            }
            if (!GRANT_CLIENT_CREDENTIALS.equals(grantType)) {
                throw ClientRefused.unsupportedGrantType(grantType);
            }
            String[] credentials = basic ? basicCredentials(authorization) : new String[] {clientId, clientSecret};
            if (basic && clientSecret != null) {
                throw InvalidInput.of("client_secret", "the client authenticated with HTTP Basic already; use one way only");
            }
            if (basic && clientId != null && !clientId.equals(credentials[0])) {
                throw InvalidInput.of("client_id", "is not the client of the HTTP Basic credentials");
            }
            return NoStore.of(Response.ok(ClientTokenView.of(apiClients.token(credentials[0], credentials[1], scope))));
        } catch (DomainException e) {
            return refusal(e);
        }
    }

    /** The id and secret of {@code Basic base64(urlencoded id ":" urlencoded secret)} (RFC 6749 section 2.3.1). */
    private static String[] basicCredentials(String authorization) {
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw ClientRefused.invalidClient();
            }
            return new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException e) {
            throw ClientRefused.invalidClient();
        }
    }

    /**
     * A refusal: the problem document with RFC 6749 section 5.2's {@code error} and
     * {@code error_description} among its members, as application/json (what OAuth libraries
     * parse); a failed client authentication challenges for HTTP Basic.
     */
    private Response refusal(DomainException e) {
        Map<String, Object> members = new HashMap<>(e.details());
        members.put("error", oauthError(e));
        members.put("error_description", e.detail());
        int status = Problems.status(e.kind());
        Response.ResponseBuilder refusal = Response.fromResponse(Problems.response(status, e.type(), e.title(), e.detail(),
                uri.getRequestUri().getRawPath(), members)).type(MediaType.APPLICATION_JSON_TYPE);
        e.retryAfter().ifPresent(wait -> refusal.header("Retry-After", wait.toSeconds()));
        if (status == Response.Status.UNAUTHORIZED.getStatusCode()) {
            refusal.header(HttpHeaders.WWW_AUTHENTICATE, null).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"onair\"");
        }
        return NoStore.of(refusal);
    }

    private static String oauthError(DomainException e) {
        if (e instanceof ClientRefused refused) {
            return refused.oauthError();
        }
        return switch (e.kind()) {
            case FORBIDDEN -> "unauthorized_client";
            case LIMITED -> "slow_down";
            default -> "invalid_request";
        };
    }
}
