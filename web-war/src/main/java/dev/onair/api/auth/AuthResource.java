package dev.onair.api.auth;

import dev.onair.api.ClientAddresses;
import dev.onair.api.NoStore;
import dev.onair.api.OnAirApi;
import dev.onair.api.RateLimited;
import dev.onair.api.RateLimits;
import dev.onair.api.WebConfig;
import dev.onair.api.problems.Problems;
import dev.onair.shared.DomainException;
import dev.onair.signin.boundary.SignIn;
import dev.onair.signin.boundary.VerificationKeys;
import dev.onair.signin.entity.IssuedTokens;
import dev.onair.signin.entity.SignInRefused;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Sign-in, token refresh and sign-out. Browsers run the redirect flow and keep the refresh token
 * in an HttpOnly, Secure, SameSite=Strict cookie scoped to /api/auth; programs may ask for JSON
 * instead (Accept: application/json on the callback) and send the refresh token in the body.
 */
@Path("auth")
@PermitAll
@SecurityRequirementsSet // sign-in is where a token comes from: no security scheme applies
@Tag(name = "auth")
public class AuthResource {

    /** How long clients may cache the verification keys, in seconds (a rotation publishes the next key well before). */
    private static final int KEYS_MAX_AGE = (int) Duration.ofMinutes(5).toSeconds();

    static final String BROWSER_COOKIE = "onair_signin";
    static final String REFRESH_COOKIE = "onair_refresh";
    static final String COOKIE_PATH = "/api/auth";

    @Inject
    SignIn signIn;

    @Inject
    VerificationKeys verificationKeys;

    @Inject
    ClientAddresses clients;

    @Inject
    RateLimits limits;

    @Inject
    WebConfig settings;

    @Context
    HttpServletRequest request;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @GET
    @Path("providers")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The sign-in providers on offer", description = "Ids to use in /api/auth/{provider}/login.")
    @APIResponse(responseCode = "200", description = "Provider ids, in configured order")
    public Map<String, List<String>> providers() {
        return Map.of("providers", signIn.providerIds());
    }

    @GET
    @Path("{provider}/login")
    @Operation(summary = "Start signing in", description = "Answers 302 to the provider's authorization page "
            + "(authorization code with PKCE S256, a one-time state bound to this browser by a cookie, a nonce for "
            + "OpenID Connect). return_to is a path on OnAir (default /) or an address under onair.auth.return-to-origins.")
    @APIResponse(responseCode = "302", description = "To the provider")
    @APIResponse(responseCode = "400", description = "return_to or the callback address is not allowed", ref = OnAirApi.BAD_REQUEST)
    @APIResponse(responseCode = "404", description = "No such provider (unknown-provider)", ref = OnAirApi.NOT_FOUND)
    @APIResponse(responseCode = "429", description = "This address started too many sign-ins (rate-limited, with Retry-After)", ref = OnAirApi.TOO_MANY)
    @APIResponse(responseCode = "502", description = "The provider's discovery document could not be read (provider-unavailable)")
    @BrowserFacing
    public Response login(@PathParam("provider") String provider,
                          @Parameter(description = "Where to go once signed in") @QueryParam("return_to") String returnTo,
                          @CookieParam(BROWSER_COOKIE) String browserBinding) {
        try {
            limit(RateLimits.Group.SIGN_IN);
            SignIn.Started started = signIn.begin(provider, returnTo, uri.getBaseUri(), browserBinding, clients.of(request));
            return NoStore.of(Response.status(Response.Status.FOUND).location(started.authorizationUri())
                    .cookie(cookie(BROWSER_COOKIE, started.browserBinding(), (int) signIn.startedLifetime().toSeconds(),
                            NewCookie.SameSite.LAX)));
        } catch (SignInRefused | RateLimited e) {
            return refusal(e);
        }
    }

    @GET
    @Path("{provider}/callback")
    @Operation(summary = "The provider's answer", description = "Where the provider sends the browser back. "
            + "Exchanges the code, signs the user in (creating the account on the first sign-in) and answers 302 to "
            + "return_to with the refresh-token cookie set; with Accept: application/json it answers the tokens as JSON "
            + "instead. Refusals are an error page for browsers, problem+json otherwise, and a failed-login record.")
    @APIResponse(responseCode = "302", description = "Signed in: to return_to")
    @APIResponse(responseCode = "200", description = "Signed in (JSON form)",
            content = @Content(schema = @Schema(implementation = TokenView.class)))
    @APIResponse(responseCode = "400", description = "state missing, unknown, reused, expired or from another browser (sign-in-state-invalid)", ref = OnAirApi.BAD_REQUEST)
    @APIResponse(responseCode = "401", description = "Cancelled (sign-in-cancelled), refused by the provider (provider-refused) or an invalid id_token (id-token-invalid)", ref = OnAirApi.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = "The account is disabled (account-disabled)", ref = OnAirApi.FORBIDDEN)
    @APIResponse(responseCode = "429", description = "This address finished too many sign-ins (rate-limited, with Retry-After)", ref = OnAirApi.TOO_MANY)
    @APIResponse(responseCode = "502", description = "The provider failed, was too slow (provider-unavailable) or answered nonsense (provider-answer-invalid)")
    @BrowserFacing
    public Response callback(@PathParam("provider") String provider, @QueryParam("code") String code,
                             @QueryParam("state") String state, @QueryParam("error") String error,
                             @CookieParam(BROWSER_COOKIE) String browserBinding) {
        try {
            limit(RateLimits.Group.SIGN_IN);
            SignIn.Completed completed = signIn.complete(provider, code, state, error, browserBinding, clients.of(request));
            IssuedTokens tokens = completed.tokens();
            if (BrowserFacing.Accept.json(headers)) {
                return NoStore.of(Response.ok(TokenView.withRefreshToken(tokens, completed.returnTo()), MediaType.APPLICATION_JSON_TYPE));
            }
            return NoStore.of(Response.status(Response.Status.FOUND).location(uri.getBaseUri().resolve(completed.returnTo()))
                    .cookie(refreshCookie(tokens)));
        } catch (SignInRefused | RateLimited e) {
            return refusal(e);
        }
    }

    @POST
    @Path("refresh")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A new access token", description = "Presents the refresh token from the cookie, or from "
            + "the JSON body {\"refreshToken\": ...}. It is used up and replaced (a new cookie, or refreshToken in the "
            + "answer). A refresh token that was already used revokes its whole session (refresh-token-reused).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RefreshRequest.class)))
    @APIResponse(responseCode = "200", description = "A new access token",
            content = @Content(schema = @Schema(implementation = TokenView.class)))
    @APIResponse(responseCode = "400", description = "A malformed body", ref = OnAirApi.BAD_REQUEST)
    @APIResponse(responseCode = "401", description = "No, an unknown, expired, revoked or reused refresh token", ref = OnAirApi.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = "Sent by a page of another site (cross-site-request), or the account is disabled (account-disabled)", ref = OnAirApi.FORBIDDEN)
    @APIResponse(responseCode = "429", description = "This address refreshed too often (rate-limited, with Retry-After)", ref = OnAirApi.TOO_MANY)
    public Response refresh(@CookieParam(REFRESH_COOKIE) String cookie, InputStream body) {
        sameSite();
        limit(RateLimits.Group.REFRESH);
        String fromBody = RefreshRequest.read(body, headers.getMediaType());
        boolean cookieMode = fromBody == null;
        try {
            IssuedTokens tokens = signIn.refresh(cookieMode ? cookie : fromBody);
            if (cookieMode) {
                return NoStore.of(Response.ok(TokenView.of(tokens)).cookie(refreshCookie(tokens)));
            }
            return NoStore.of(Response.ok(TokenView.withRefreshToken(tokens, null)));
        } catch (SignInRefused e) {
            Response.ResponseBuilder refused = Response.fromResponse(problem(e));
            if (cookieMode && cookie != null) {
                refused.cookie(cookie(REFRESH_COOKIE, "", 0, NewCookie.SameSite.STRICT));
            }
            return NoStore.of(refused);
        }
    }

    @POST
    @Path("logout")
    @Operation(summary = "Sign out", description = "Revokes the session of the refresh token (cookie or JSON body) "
            + "and clears the cookie. Access tokens already issued stay valid until they expire (at most 15 minutes).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RefreshRequest.class)))
    @APIResponse(responseCode = "204", description = "Signed out (also when the token was unknown)")
    @APIResponse(responseCode = "400", description = "A malformed body", ref = OnAirApi.BAD_REQUEST)
    @APIResponse(responseCode = "403", description = "Sent by a page of another site (cross-site-request)", ref = OnAirApi.FORBIDDEN)
    @APIResponse(responseCode = "429", description = "This address signed out too often (rate-limited, with Retry-After)", ref = OnAirApi.TOO_MANY)
    public Response logout(@CookieParam(REFRESH_COOKIE) String cookie, InputStream body) {
        sameSite();
        limit(RateLimits.Group.REFRESH);
        String fromBody = RefreshRequest.read(body, headers.getMediaType());
        signIn.signOut(fromBody != null ? fromBody : cookie);
        return NoStore.of(Response.noContent().cookie(cookie(REFRESH_COOKIE, "", 0, NewCookie.SameSite.STRICT)));
    }

    @GET
    @Path("jwks.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "OnAir's token signing keys", description = "The public keys access tokens are verified "
            + "with (JWKS): the current key and, after a rotation, the previous one.")
    @APIResponse(responseCode = "200", description = "A JSON Web Key Set")
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(KEYS_MAX_AGE);
        return Response.ok(verificationKeys.publishedJson()).cacheControl(cache).build();
    }

    /** Counts the request against its group's limit for this client address; over it, {@link RateLimited}. */
    private void limit(RateLimits.Group group) {
        limits.refusal(group, clients.of(request).ip()).ifPresent(wait -> {
            throw new RateLimited(wait);
        });
    }

    /** Cookie-authenticated calls come from OnAir's own pages, never from another site's. */
    private void sameSite() {
        CrossSite.refusal(request).ifPresent(reason -> {
            throw new CrossSiteRequest(reason);
        });
    }

    /** A cookie-authenticated call sent by another site's page (a cross-site request forgery). */
    static final class CrossSiteRequest extends DomainException {
        CrossSiteRequest(String detail) {
            super(Kind.FORBIDDEN, "cross-site-request", "Cross-site request refused", detail);
        }
    }

    /** A refusal of a {@link BrowserFacing} endpoint: problem+json, which a browser sees as a page. */
    private Response refusal(DomainException e) {
        return NoStore.of(Response.fromResponse(problem(e)));
    }

    private Response problem(DomainException e) {
        return Problems.of(e, uri.getRequestUri().getRawPath());
    }

    private NewCookie refreshCookie(IssuedTokens tokens) {
        return cookie(REFRESH_COOKIE, tokens.refreshToken(), (int) Math.min(Integer.MAX_VALUE, tokens.refreshExpiresIn()),
                NewCookie.SameSite.STRICT);
    }

    private NewCookie cookie(String name, String value, int maxAge, NewCookie.SameSite sameSite) {
        return new NewCookie.Builder(name).value(value).path(COOKIE_PATH).maxAge(maxAge).httpOnly(true)
                .secure(settings.secureCookies()).sameSite(sameSite).build();
    }
}
