package dev.onair.signin.control;

import dev.onair.shared.NodeConfig;
import dev.onair.signin.entity.SignInRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Where a sign-in may lead: the callback address given to providers must be one of
 * {@code onair.auth.redirect-uris}, exactly (when that is not set: each offered provider's
 * callback on this machine, {@code http://localhost:<onair.http.port>} and
 * {@code https://localhost:<onair.https.port>}, also as 127.0.0.1, so adding a provider takes no
 * more than its own settings); the page to return to afterwards is a path on OnAir itself or an
 * address under one of {@code onair.auth.return-to-origins}. Nothing else, so neither an
 * authorization code nor a signed-in browser can be steered elsewhere.
 */
@ApplicationScoped
public class SignInPolicy {

    public static final int RETURN_TO_MAX = 2000;

    @Inject
    SignInConfig settings;

    @Inject
    NodeConfig node;

    public Duration stateTtl() {
        return settings.stateTtl();
    }

    public Duration refreshTokenTtl() {
        return settings.refreshTokenTtl();
    }

    /** The callback address for {@code provider} as reached through {@code base}, if it is allow-listed. */
    public URI redirectUri(URI base, String provider) {
        URI candidate = base.resolve("auth/" + provider + "/callback");
        Set<String> allowed = settings.redirectUris().isEmpty() ? localCallbacks(provider) : Set.copyOf(settings.redirectUris());
        if (!allowed.contains(candidate.toString())) {
            throw SignInRefused.redirectUri("The callback address " + candidate + " is not in onair.auth.redirect-uris.");
        }
        return candidate;
    }

    /** A provider's callback on this machine, as a browser on it reaches OnAir by default. */
    Set<String> localCallbacks(String provider) {
        String path = "/api/auth/" + provider + "/callback";
        int http = node.httpPort();
        int https = node.httpsPort();
        return Set.of("http://localhost:" + http + path, "http://127.0.0.1:" + http + path,
                "https://localhost:" + https + path, "https://127.0.0.1:" + https + path);
    }

    /** {@code returnTo} if it may be returned to; "/" when none was given. */
    public String returnTo(String returnTo) {
        if (returnTo == null || returnTo.isEmpty()) {
            return "/";
        }
        if (returnTo.length() > RETURN_TO_MAX || returnTo.chars().anyMatch(c -> c <= ' ' || c == '\u007f' || c == '\\')) {
            throw SignInRefused.returnTo("return_to must be a path on OnAir or an allowed address, without spaces or backslashes.");
        }
        if (returnTo.startsWith("/") && !returnTo.startsWith("//")) {
            return returnTo;
        }
        URI uri;
        try {
            uri = new URI(returnTo);
        } catch (URISyntaxException e) {
            throw SignInRefused.returnTo("return_to is not an address.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if ((scheme.equals("http") || scheme.equals("https")) && uri.getRawUserInfo() == null && uri.getHost() != null
                && allowedOrigin(origin(uri))) {
            return returnTo;
        }
        throw SignInRefused.returnTo("return_to must be a path on OnAir or under one of onair.auth.return-to-origins.");
    }

    private boolean allowedOrigin(String origin) {
        return settings.returnToOrigins().stream()
                .map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o)
                .anyMatch(o -> o.equalsIgnoreCase(origin));
    }

    private static String origin(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
