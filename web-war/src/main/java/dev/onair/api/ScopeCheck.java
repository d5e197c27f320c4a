package dev.onair.api;

import dev.onair.api.problems.Problems;
import dev.onair.signin.boundary.ApiClientStates;
import dev.onair.signin.entity.Scopes;
import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.net.HttpURLConnection.HTTP_FORBIDDEN;
import static java.net.HttpURLConnection.HTTP_UNAUTHORIZED;

/**
 * The scopes of API clients' tokens. An operation an API client may call says so with
 * {@code @SecurityRequirement(name = OnAirApi.CLIENT, scopes = ...)}, the same annotation that
 * puts the requirement into the OpenAPI document, so what is enforced and what is documented are
 * one declaration. A client's token (one with {@code client_id}) is refused with 401 once its
 * client is revoked (as this node last read it: {@link ApiClientStates}), and with 403
 * {@code insufficient-scope} on an operation whose scopes it lacks or that names none (people
 * only: managing API clients, the login history). Tokens of people signed in through the browser
 * carry no scope and pass. Runs before {@link RoleCheck}, so that a client without {@code admin}
 * hears about its scope rather than its groups.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class ScopeCheck implements ContainerRequestFilter {

    private static final String CHALLENGE = "WWW-Authenticate";

    @Context
    ResourceInfo resource;

    @Inject
    ApiClientStates clients;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token)) {
            return;
        }
        Optional<String> clientId = clientId(token);
        if (clientId.isEmpty()) {
            return;
        }
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (!clients.active(clientId.get())) {
            request.abortWith(withChallenge(Problems.response(HTTP_UNAUTHORIZED, "client-revoked", "API client revoked",
                    "the API client this token was issued to is revoked", path, Map.of()), "invalid_token", null));
            return;
        }
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        if (method == null) {
            return;
        }
        Optional<List<String>> required = required(method, type);
        if (required.isEmpty()) {
            if (!publicOperation(method, type)) {
                request.abortWith(withChallenge(Problems.response(HTTP_FORBIDDEN, "insufficient-scope", "Insufficient scope",
                        "API clients may not call this operation; a person signed in may", path, Map.of()), "insufficient_scope", null));
            }
            return;
        }
        List<String> granted = scopes(token);
        if (!granted.containsAll(required.get())) {
            request.abortWith(withChallenge(Problems.response(HTTP_FORBIDDEN, "insufficient-scope", "Insufficient scope",
                    "this operation needs the scope " + String.join(" ", required.get()) + "; the token has "
                            + (granted.isEmpty() ? "none" : String.join(" ", granted)),
                    path, Map.of("requiredScopes", required.get())), "insufficient_scope", String.join(" ", required.get())));
        }
    }

    /**
     * The scopes an API client needs for {@code method} of {@code type}: those of its
     * {@link OnAirApi#CLIENT} requirement (on the method, or on the class when the method declares
     * no requirement of its own); empty when it names none (no API client may call it).
     */
    static Optional<List<String>> required(Method method, Class<?> type) {
        SecurityRequirement[] own = method.getAnnotationsByType(SecurityRequirement.class);
        SecurityRequirement[] declared = own.length > 0 || type == null ? own : type.getAnnotationsByType(SecurityRequirement.class);
        return Arrays.stream(declared).filter(r -> r.name().equals(OnAirApi.CLIENT)).findFirst()
                .map(r -> List.of(r.scopes()));
    }

    /** The id of the API client the token was issued to; empty for a person's token. */
    public static Optional<String> clientId(JsonWebToken token) {
        return claim(token, "client_id");
    }

    /** The token's scopes (empty for a person's token, which has none and needs none). */
    public static List<String> scopes(JsonWebToken token) {
        return claim(token, "scope").map(Scopes::split).orElse(List.of());
    }

    private static boolean publicOperation(Method method, Class<?> type) {
        return isPermitAll(method) || type != null && isPermitAll(type) && !method.isAnnotationPresent(RolesAllowed.class);
    }

    private static boolean isPermitAll(AnnotatedElement element) {
        return element.isAnnotationPresent(PermitAll.class);
    }

    private static Optional<String> claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        if (value instanceof JsonString string) {
            return Optional.of(string.getString());
        }
        return Optional.ofNullable(value).map(String::valueOf);
    }

    /** RFC 6750 section 3: the error in the challenge, so OAuth libraries understand it. */
    private static Response withChallenge(Response problem, String error, String scope) {
        return Response.fromResponse(problem).header(CHALLENGE, null).header(CHALLENGE, "Bearer realm=\"onair\", error=\"" + error + "\""
                + (scope == null ? "" : ", scope=\"" + scope + "\"")).build();
    }
}
