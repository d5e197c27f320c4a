package dev.onair.web;

import jakarta.servlet.http.HttpServletResponse;

import java.net.URI;
import java.util.Locale;

/**
 * The headers every page goes out with. The Content-Security-Policy lets scripts come from
 * OnAir's own {@code /assets} only (no inline script, no eval), lets the player fetch and play
 * from the CDN (hls.js fetches playlists and segments, feeds them to Media Source as blob: URLs and
 * transmuxes in a blob: worker), and lets avatars come from the providers' https hosts.
 */
public final class SecurityHeaders {

    private final String contentSecurityPolicy;

    private SecurityHeaders(String contentSecurityPolicy) {
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    /** @param cdnBaseUrl {@code onair.cdn.base-url}, empty when none is configured */
    public static SecurityHeaders forCdn(String cdnBaseUrl) {
        String cdn = origin(cdnBaseUrl);
        String media = cdn.isEmpty() ? "" : " " + cdn;
        return new SecurityHeaders(String.join("; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data: https:" + media,
                "media-src 'self' blob:" + media,
                "connect-src 'self'" + media,
                "worker-src 'self' blob:",
                "font-src 'self'",
                "object-src 'none'",
                "base-uri 'none'",
                "form-action 'self'",
                "frame-ancestors 'none'"));
    }

    public String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    public void applyToPage(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    }

    /** scheme://host[:port] of an http(s) URL; empty for anything else. */
    static String origin(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        try {
            URI uri = URI.create(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                return "";
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            return scheme + "://" + host + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
