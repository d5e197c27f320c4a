package dev.onair.shared;

import java.util.regex.Pattern;

/** OnAir's ids are lower-case UUIDs; anything else in a path names nothing that exists. */
public final class Ids {

    /** How much of an unknown id a problem repeats. */
    private static final int LOGGED_LENGTH = 40;

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private Ids() {
    }

    /** Whether {@code id} has the form of an OnAir id. */
    public static boolean isId(String id) {
        return id != null && UUID.matcher(id).matches();
    }

    /** {@code id} when it is an id; a {@link NotFound} naming {@code what} (without echoing much of the input) otherwise. */
    public static String existing(String what, String id) {
        if (!isId(id)) {
            throw new NotFound("no " + what + " " + (id == null ? "" : LogText.printable(id, LOGGED_LENGTH)));
        }
        return id;
    }
}
