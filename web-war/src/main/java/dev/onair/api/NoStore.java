package dev.onair.api;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/**
 * Answers that hold a secret or a token (a new client secret, a webhook's signing secret, an access
 * token): no cache keeps them ({@code Cache-Control: no-store, private}, and {@code Pragma: no-cache}
 * for HTTP/1.0 caches, as RFC 6749 section 5.1 asks of token answers).
 */
public final class NoStore {

    private NoStore() {
    }

    public static Response of(Response.ResponseBuilder response) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setPrivate(true);
        return response.cacheControl(noStore).header("Pragma", "no-cache").build();
    }
}
