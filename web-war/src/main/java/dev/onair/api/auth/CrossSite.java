package dev.onair.api.auth;

import dev.onair.shared.LogText;
import jakarta.servlet.http.HttpServletRequest;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a request that a browser authenticates with a cookie (refresh, logout) came from
 * another site. Browsers say so in {@code Sec-Fetch-Site}; those too old for it still send
 * {@code Origin} on a cross-site POST, which must then name OnAir's own host. A request with
 * neither is not from a page of another site (programs send none; browsers send one or both).
 */
final class CrossSite {

    /** How much of a refused header the log shows. */
    private static final int LOGGED_LENGTH = 20;

    private CrossSite() {
    }

    /** Why the request is refused as cross-site; empty when it is not cross-site. */
    static Optional<String> refusal(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            String value = site.trim().toLowerCase(Locale.ROOT);
            return value.equals("same-origin") || value.equals("none") ? Optional.empty()
                    : Optional.of("the request came from another site (Sec-Fetch-Site " + printable(value) + ")");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return Optional.empty();
        }
        String host = host(origin);
        // the server name the request was sent to (its Host header, or HTTP/2's :authority)
        String own = request.getServerName() == null ? null : request.getServerName().toLowerCase(Locale.ROOT);
        return host != null && host.equals(own) ? Optional.empty()
                : Optional.of("the request came from another origin");
    }

    private static String host(String url) {
        try {
            String host = URI.create(url.trim()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String printable(String text) {
        return LogText.printable(text, LOGGED_LENGTH);
    }
}
