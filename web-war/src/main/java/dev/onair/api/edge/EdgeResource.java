package dev.onair.api.edge;

import dev.onair.api.Internal;
import dev.onair.api.ingest.NginxGuard;
import dev.onair.delivery.boundary.LocalEdge;
import dev.onair.shared.LogText;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The local edge's question before it serves a private path (nginx {@code auth_request}, with the
 * viewer's raw request URI and cookies): 204 yes, 403 no, as {@link LocalEdge} decides.
 * Only OnAir's nginx may ask, on the internal listener.
 */
@Path("edge")
@Internal
@PermitAll
@RequestScoped
public class EdgeResource {

    /** How much of a refused path the log shows. */
    private static final int LOGGED_URI_LENGTH = 200;

    private static final Logger LOG = Logger.getLogger(EdgeResource.class.getName());

    @Inject
    NginxGuard guard;

    @EJB
    LocalEdge edge;

    @Context
    HttpServletRequest request;

    @GET
    @Path("authorize")
    @Operation(hidden = true)
    public Response authorize(@HeaderParam("X-OnAir-Edge-Secret") String secret, @HeaderParam("X-Original-URI") String original) {
        Optional<Response> refused = guard.refusal(request, secret, edge::isEdgeSecret);
        if (refused.isPresent()) {
            return refused.get();
        }
        Map<String, String> cookies = new HashMap<>();
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                cookies.putIfAbsent(cookie.getName(), cookie.getValue());
            }
        }
        Optional<String> refusal = edge.refusal(original, cookies);
        if (refusal.isPresent()) {
            LOG.log(Level.FINE, "The edge refuses {0}: {1}",
                    new Object[] {LogText.printable(original, LOGGED_URI_LENGTH), refusal.get()});
            return Response.status(Response.Status.FORBIDDEN).build();
        }
        return Response.noContent().build();
    }
}
