package dev.onair.api;

import dev.onair.api.problems.Problems;
import jakarta.annotation.Priority;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import static java.net.HttpURLConnection.HTTP_UNAUTHORIZED;

/**
 * Only OnAir access tokens are bearer tokens here: a JWT whose header says {@code typ: at+jwt}
 * (RFC 9068; {@code application/at+jwt} too). MicroProfile JWT checks the signature, issuer,
 * audience and expiry but not the type, so an id_token or any other JWT that happened to be
 * signed with an accepted key and claims would otherwise pass; this refuses it with 401 before
 * any resource runs. The header is covered by the signature, so it cannot be changed after signing.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public class TokenType implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";
    /** A token's encoded JOSE header longer than this is not OnAir's. */
    private static final int MAX_HEADER_LENGTH = 4096;

    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return;
        }
        if (!isAccessToken(authorization.substring(BEARER.length()).trim())) {
            request.abortWith(Problems.response(HTTP_UNAUTHORIZED, "unauthorized", "Unauthorized",
                    "the bearer token is not an OnAir access token (typ at+jwt)",
                    request.getUriInfo().getRequestUri().getRawPath(), Map.of()));
        }
    }

    /** Whether the compact JWT's protected header declares the access-token type. */
    static boolean isAccessToken(String jwt) {
        int dot = jwt.indexOf('.');
        if (dot <= 0 || dot > MAX_HEADER_LENGTH) {
            return false;
        }
        try {
            String header = new String(Base64.getUrlDecoder().decode(jwt.substring(0, dot)), StandardCharsets.UTF_8);
            JsonObject object = JSON.createReader(new StringReader(header)).readObject();
            if (!(object.get("typ") instanceof JsonString typ)) {
                return false;
            }
            String type = typ.getString().toLowerCase(Locale.ROOT);
            return type.equals("at+jwt") || type.equals("application/at+jwt");
        } catch (IllegalArgumentException | JsonException | IllegalStateException e) {
            return false;
        }
    }
}
