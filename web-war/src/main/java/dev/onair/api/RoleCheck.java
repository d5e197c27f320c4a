package dev.onair.api;

import dev.onair.api.problems.Problems;
import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;

import static java.net.HttpURLConnection.HTTP_FORBIDDEN;
import static java.net.HttpURLConnection.HTTP_UNAUTHORIZED;

/**
 * Enforces {@code @RolesAllowed} before the container's own check, so that a missing or
 * invalid bearer token is answered 401 and a missing role 403, both as problem+json (the
 * container would answer an empty 401).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class RoleCheck implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        RolesAllowed allowed = rolesAllowed(resource.getResourceMethod(), resource.getResourceClass());
        if (allowed == null) {
            return;
        }
        SecurityContext security = request.getSecurityContext();
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (security.getUserPrincipal() == null) {
            request.abortWith(Problems.response(HTTP_UNAUTHORIZED, "unauthorized", "Unauthorized",
                    "a valid bearer token is required", path, Map.of()));
        } else if (Arrays.stream(allowed.value()).noneMatch(security::isUserInRole)) {
            request.abortWith(Problems.response(HTTP_FORBIDDEN, "forbidden", "Forbidden",
                    "the token grants none of the roles " + Arrays.toString(allowed.value()), path, Map.of()));
        }
    }

    private static RolesAllowed rolesAllowed(Method method, Class<?> type) {
        if (method == null) {
            return null;
        }
        if (method.isAnnotationPresent(PermitAll.class)) {
            return null;
        }
        RolesAllowed onMethod = method.getAnnotation(RolesAllowed.class);
        if (onMethod != null) {
            return onMethod;
        }
        return type == null || type.isAnnotationPresent(PermitAll.class) ? null : type.getAnnotation(RolesAllowed.class);
    }
}
