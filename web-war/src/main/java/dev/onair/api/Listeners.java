package dev.onair.api;

import dev.onair.api.problems.Problems;
import dev.onair.shared.NodeConfig;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;

import static java.net.HttpURLConnection.HTTP_NOT_FOUND;

/**
 * Keeps the two kinds of listener apart. OnAir serves people and integrators on its public HTTP
 * and HTTPS endpoints, and OnAir's nginx on an internal endpoint ({@code onair.internal.port},
 * bound to {@code onair.internal.host}, 127.0.0.1 by default): resources marked {@link Internal}
 * answer only there, every other resource only elsewhere; the wrong listener gets 404, as if the
 * path did not exist. The decision is made on the resource the request matched, after JAX-RS
 * decoded its path, so no spelling of a path reaches an internal resource from outside.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class Listeners implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest request;

    @Inject
    NodeConfig node;

    @Override
    public void filter(ContainerRequestContext context) {
        Class<?> type = resource.getResourceClass();
        if (type == null) {
            return;
        }
        boolean internalResource = type.isAnnotationPresent(Internal.class);
        if (internalResource != onInternalListener(request, node)) {
            context.abortWith(Problems.response(HTTP_NOT_FOUND, "not-found", "Not found", "no such resource",
                    context.getUriInfo().getRequestUri().getRawPath(), Map.of()));
        }
    }

    /** Whether the request came in on the internal listener (the port of the connection's own side). */
    public static boolean onInternalListener(HttpServletRequest request, NodeConfig node) {
        return request.getLocalPort() == node.internalPort();
    }
}
