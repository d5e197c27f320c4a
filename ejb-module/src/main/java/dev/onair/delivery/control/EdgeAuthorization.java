package dev.onair.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The local edge's decision before it serves a private object: does the viewer's request carry a
 * CloudFront signature of OnAir's key that covers exactly the object it will fetch, and has not
 * expired? As a query ({@code Policy}, {@code Signature}, {@code Key-Pair-Id}) or as CloudFront's
 * cookies. The edge fetches the request's path as sent; so only a path in canonical form is
 * considered at all (segments of letters, digits, {@code . _ -}, none empty, none starting with a
 * dot, no percent-escapes, no backslashes): no spelling of a path can be checked as one object
 * and served as another.
 */
@ApplicationScoped
public class EdgeAuthorization {

    /** What every object key of OnAir looks like as a path; anything else names no object. */
    static final Pattern CANONICAL_PATH = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}){1,16}");
    static final int MAX_URI = 8192;

    @Inject
    Playback playback;

    @Inject
    DeliverySettings settings;

    private final Clock clock = Clock.systemUTC();

    /**
     * Why the request for {@code requestUri} (its raw path and query, as the viewer sent them) may
     * not be served with the signature in its query or in {@code cookies}; empty when it may.
     */
    public Optional<String> refusal(String requestUri, Map<String, String> cookies) {
        Optional<String> base = settings.cdnBaseUrl();
        if (base.isEmpty()) {
            return Optional.of("no CDN is configured");
        }
        if (requestUri == null || requestUri.length() > MAX_URI) {
            return Optional.of("no request URI");
        }
        int query = requestUri.indexOf('?');
        String path = query < 0 ? requestUri : requestUri.substring(0, query);
        if (!isCanonical(path)) {
            return Optional.of("not a canonical path");
        }
        Map<String, String> params = params(query < 0 ? null : requestUri.substring(query + 1));
        if (!params.containsKey(SignedPolicy.SIGNATURE)) {
            params = signatureCookies(cookies);
        }
        return SignedPolicy.refusal(base.get() + path.substring(1), params, playback.publicKey(), playback.keyPairId(),
                clock.instant());
    }

    static boolean isCanonical(String path) {
        return path != null && CANONICAL_PATH.matcher(path).matches();
    }

    private static Map<String, String> params(String query) {
        Map<String, String> params = new HashMap<>();
        if (query == null) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                try {
                    params.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    // a malformed escape: not a parameter of ours
                }
            }
        }
        return params;
    }

    private static Map<String, String> signatureCookies(Map<String, String> cookies) {
        Map<String, String> params = new HashMap<>();
        copy(cookies, "CloudFront-Policy", params, SignedPolicy.POLICY);
        copy(cookies, "CloudFront-Signature", params, SignedPolicy.SIGNATURE);
        copy(cookies, "CloudFront-Key-Pair-Id", params, SignedPolicy.KEY_PAIR_ID);
        copy(cookies, "CloudFront-Hash-Algorithm", params, SignedPolicy.HASH_ALGORITHM);
        return params;
    }

    private static void copy(Map<String, String> from, String name, Map<String, String> to, String as) {
        String value = from.get(name);
        if (value != null) {
            to.put(as, value);
        }
    }
}
