package dev.onair.api.edge;

import dev.onair.api.ingest.NginxCallers;
import dev.onair.delivery.control.DeliverySettings;
import dev.onair.delivery.control.Playback;
import dev.onair.delivery.control.SignedPolicy;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The local edge's question before it serves a private path (nginx {@code auth_request}):
 * does the viewer's request carry a CloudFront signature of OnAir's key that covers this URL
 * and has not expired? As a query ({@code Policy}, {@code Signature}, {@code Key-Pair-Id}) or
 * as CloudFront's cookies. 204 yes, 403 no. Only OnAir's nginx may ask.
 */
@Path("edge")
@PermitAll
@RequestScoped
public class EdgeResource {

    private static final Logger LOG = Logger.getLogger(EdgeResource.class.getName());

    @Inject
    NginxCallers callers;

    @Inject
    Playback playback;

    @Inject
    DeliverySettings settings;

    @Context
    HttpServletRequest request;

    @GET
    @Path("authorize")
    @Operation(hidden = true)
    public Response authorize(@HeaderParam("X-OnAir-Edge-Secret") String secret, @HeaderParam("X-Original-URI") String original) {
        Optional<Response> refused = callers.refusal(request, secret);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (original == null || !original.startsWith("/") || settings.cdnBaseUrl().isEmpty()) {
            return Response.status(403).build();
        }
        URI uri;
        try {
            uri = URI.create(original);
        } catch (IllegalArgumentException e) {
            return Response.status(403).build();
        }
        Map<String, String> params = params(uri.getRawQuery());
        if (!params.containsKey(SignedPolicy.SIGNATURE)) {
            params = cookies(request);
        }
        String url = settings.cdnBaseUrl().get() + uri.getRawPath().substring(1);
        Optional<String> refusal = SignedPolicy.refusal(url, params, playback.publicKey(), playback.keyPairId(), Instant.now());
        if (refusal.isPresent()) {
            LOG.log(Level.FINE, "The edge refuses {0}: {1}", new Object[] {uri.getRawPath(), refusal.get()});
            return Response.status(403).build();
        }
        return Response.noContent().build();
    }

    private static Map<String, String> params(String query) {
        Map<String, String> params = new HashMap<>();
        if (query == null) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static Map<String, String> cookies(HttpServletRequest request) {
        Map<String, String> params = new HashMap<>();
        if (request.getCookies() == null) {
            return params;
        }
        for (var cookie : request.getCookies()) {
            switch (cookie.getName()) {
                case "CloudFront-Policy" -> params.put(SignedPolicy.POLICY, cookie.getValue());
                case "CloudFront-Signature" -> params.put(SignedPolicy.SIGNATURE, cookie.getValue());
                case "CloudFront-Key-Pair-Id" -> params.put(SignedPolicy.KEY_PAIR_ID, cookie.getValue());
                case "CloudFront-Hash-Algorithm" -> params.put(SignedPolicy.HASH_ALGORITHM, cookie.getValue());
                default -> { }
            }
        }
        return params;
    }
}
