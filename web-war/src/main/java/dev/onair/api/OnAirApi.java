package dev.onair.api;

import dev.onair.accounts.entity.Role;
import dev.onair.api.problems.Problem;
import dev.onair.api.problems.Problems;
import dev.onair.signin.entity.Scopes;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlow;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlows;
import org.eclipse.microprofile.openapi.annotations.security.OAuthScope;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT", realmName = "onair")
@DeclareRoles({Role.USER_GROUP, Role.ADMIN_GROUP})
@OpenAPIDefinition(
        info = @Info(title = "OnAir API", version = "1",
                description = "Live streaming: sign-in, studios, channels, stream keys, live and replay playback on the CDN. Errors are "
                        + "application/problem+json (RFC 9457) whose `type` is a stable "
                        + "`urn:onair:problem:<name>`; 400s list the offending fields in `errors`.",
                license = @License(name = "Proprietary")),
        components = @Components(responses = {
                @APIResponse(name = OnAirApi.BAD_REQUEST, responseCode = "400",
                        description = "Invalid or unknown fields, or a malformed body; `errors` names each field",
                        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = OnAirApi.UNAUTHORIZED, responseCode = "401",
                        description = "No valid bearer token",
                        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = OnAirApi.FORBIDDEN, responseCode = "403",
                        description = "The caller may not do this",
                        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = OnAirApi.NOT_FOUND, responseCode = "404",
                        description = "No such resource",
                        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = OnAirApi.CONFLICT, responseCode = "409",
                        description = "Conflicts with the channel's current state (`open-channel-exists` with `channelId`, "
                                + "`illegal-transition`, or `visibility-locked` once live)",
                        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = OnAirApi.TOO_LARGE, responseCode = "413",
                        description = "The body is larger than the 64 KiB any endpoint reads (payload-too-large); "
                                + "refused before it is read",
                        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = OnAirApi.TOO_MANY, responseCode = "429",
                        description = "This client address asked too often (rate-limited); Retry-After says when to try again",
                        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = OnAirApi.UNAVAILABLE, responseCode = "503",
                        description = "A service OnAir needs is not there or not configured",
                        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
        }),
        tags = {
                @Tag(name = "studio", description = "The broadcaster's own channel and stream key"),
                @Tag(name = "channels", description = "Channels (broadcasts) as viewers and owners see them"),
                @Tag(name = "auth", description = "Sign-in with Kakao, Google or another OpenID Connect provider; "
                        + "OnAir's access tokens and rotating refresh tokens"),
                @Tag(name = "me", description = "The signed-in account, its login history, new-device notices and API clients"),
                @Tag(name = "events", description = "The event feed: what happened to the caller's channels and streams, in order"),
                @Tag(name = "webhooks", description = "The feed's events POSTed to receivers, signed (Standard Webhooks), at least once, in order per channel"),
                @Tag(name = "admin", description = "For administrators (onair.admins)")
        })
@SecurityScheme(securitySchemeName = OnAirApi.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT",
        description = "An OnAir access token from /api/auth (sign-in callback or refresh): an RS256 JWT of at most "
                + "15 minutes whose header says typ at+jwt (any other JWT is refused), with iss, aud, sub (the account id) "
                + "and groups (user, admin).")
@SecurityScheme(securitySchemeName = OnAirApi.CLIENT, type = SecuritySchemeType.OAUTH2,
        description = "An API client's access token (OAuth 2.0 client credentials, RFC 6749 section 4.4): a broadcaster "
                + "creates a client at /api/me/clients and the program asks /api/auth/token for a token with its id and "
                + "secret (HTTP Basic or form fields). The token is an OnAir access token like a person's, acting for the "
                + "client's owner, with client_id and scope; each operation names the scope it needs, and a token "
                + "without it is answered 403 insufficient-scope.",
        flows = @OAuthFlows(clientCredentials = @OAuthFlow(tokenUrl = "/api/auth/token", scopes = {
                @OAuthScope(name = Scopes.CHANNELS_READ, description = "Read the owner's channels, their health and journal, the studio"),
                @OAuthScope(name = Scopes.CHANNELS_WRITE, description = "Open, change and end the owner's channels; viewers and share links"),
                @OAuthScope(name = Scopes.STREAM_KEY_READ, description = "Read the RTMP address and stream key"),
                @OAuthScope(name = Scopes.STREAM_KEY_ROTATE, description = "Rotate the stream key"),
                @OAuthScope(name = Scopes.EVENTS_READ, description = "Read the event feed"),
                @OAuthScope(name = Scopes.WEBHOOKS_WRITE, description = "Manage webhook subscriptions"),
                @OAuthScope(name = Scopes.ADMIN, description = "Administration (only for clients of administrators)")})))
public class OnAirApi extends Application {

    public static final String BEARER = "bearer";
    /** The client-credentials scheme: operations an API client may call name their scope with it. */
    public static final String CLIENT = "clientCredentials";

    /** Names of the shared problem responses, for {@code @APIResponse(ref = ...)}. */
    public static final String BAD_REQUEST = "BadRequest";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String NOT_FOUND = "NotFound";
    public static final String CONFLICT = "Conflict";
    public static final String UNAVAILABLE = "Unavailable";
    public static final String TOO_LARGE = "TooLarge";
    public static final String TOO_MANY = "TooMany";
}
