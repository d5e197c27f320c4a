package dev.onair.signin.entity;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an API client may do for its owner: the {@code scope} of its access tokens (RFC 6749
 * section 3.3, space-separated). Every operation of the API declares the scope it needs; a
 * token of a person signed in through the browser carries no {@code scope} and may do whatever
 * the person may. {@link #ADMIN} is for admins' clients only.
 */
public final class Scopes {

    public static final String CHANNELS_READ = "channels:read";
    public static final String CHANNELS_WRITE = "channels:write";
    public static final String STREAM_KEY_READ = "stream-key:read";
    public static final String STREAM_KEY_ROTATE = "stream-key:rotate";
    public static final String EVENTS_READ = "events:read";
    public static final String WEBHOOKS_WRITE = "webhooks:write";
    public static final String ADMIN = "admin";

    /** Every scope, in the order OnAir writes them. */
    public static final List<String> ALL = List.of(CHANNELS_READ, CHANNELS_WRITE, STREAM_KEY_READ, STREAM_KEY_ROTATE,
            EVENTS_READ, WEBHOOKS_WRITE, ADMIN);

    private Scopes() {
    }

    /** Whether {@code scope} is one of {@link #ALL}. */
    public static boolean known(String scope) {
        return scope != null && ALL.contains(scope);
    }

    /** The scopes of a space-separated list, without repeats; empty for null or blank. Unknown ones are kept. */
    public static List<String> split(String spaceSeparated) {
        if (spaceSeparated == null || spaceSeparated.isBlank()) {
            return List.of();
        }
        Set<String> scopes = new LinkedHashSet<>(Arrays.asList(spaceSeparated.trim().split(" +")));
        return List.copyOf(scopes);
    }

    /** Known scopes, space-separated, in {@link #ALL}'s order (unknown ones are dropped). */
    public static String join(Iterable<String> scopes) {
        Set<String> given = new LinkedHashSet<>();
        scopes.forEach(given::add);
        return String.join(" ", ALL.stream().filter(given::contains).toList());
    }
}
