package dev.onair.api.ingest;

import dev.onair.api.ClientAddresses;
import dev.onair.api.problems.Problems;
import dev.onair.ingest.boundary.CallbackTrust;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

import static java.net.HttpURLConnection.HTTP_FORBIDDEN;

/**
 * Who may call the endpoints meant for OnAir's nginx (ingest callbacks, the local edge's
 * authorization), besides arriving on the internal listener: the connection's own peer (never a
 * forwarded header) on loopback or in {@code onair.ingest.callback-hosts}, presenting that nginx's
 * secret.
 */
@ApplicationScoped
public class NginxGuard {

    private static final Logger LOG = Logger.getLogger(NginxGuard.class.getName());
    private static final List<String> LOOPBACK = List.of("127.0.0.0/8", "::1");

    @Inject
    CallbackTrust trust;

    /** The 403 answer for a caller that is not OnAir's ingest nginx; empty when it is. */
    public Optional<Response> refusal(HttpServletRequest request, String secret) {
        return refusal(request, secret, trust::isCallbackSecret);
    }

    /** The 403 answer for a caller that is not the nginx whose secret {@code isSecret} knows; empty when it is. */
    public Optional<Response> refusal(HttpServletRequest request, String secret, Predicate<String> isSecret) {
        String peer = request.getRemoteAddr();
        boolean peerAllowed = ClientAddresses.inAny(peer, LOOPBACK) || ClientAddresses.inAny(peer, trust.callbackHosts());
        if (peerAllowed && isSecret.test(secret)) {
            return Optional.empty();
        }
        LOG.log(Level.WARNING, "Refused a call to {0} from {1}: {2}", new Object[] {
                request.getRequestURI(), peer, peerAllowed ? "wrong or missing secret" : "address not allowed"});
        return Optional.of(Problems.response(HTTP_FORBIDDEN, "callback-forbidden", "Not OnAir's nginx",
                "Only OnAir's nginx may call this endpoint.", request.getRequestURI(), Map.of()));
    }
}
