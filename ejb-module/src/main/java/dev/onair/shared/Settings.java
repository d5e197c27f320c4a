package dev.onair.shared;

import org.eclipse.microprofile.config.Config;

/**
 * Reading settings that operators type: trimmed, an empty value meaning "not set", and a value of
 * the wrong form refused with a message naming the key. For the settings classes that read on
 * each use (so that a changed Liberty variable takes effect without a restart).
 */
public final class Settings {

    private Settings() {
    }

    /** {@code key}'s value, trimmed; {@code fallback} when it is not set. */
    public static String string(Config config, String key, String fallback) {
        return config.getOptionalValue(key, String.class).map(String::trim).orElse(fallback);
    }

    /** {@code key}'s whole number; {@code fallback} when it is not set or empty. */
    public static int integer(Config config, String key, int fallback) {
        String value = string(config, key, "");
        try {
            return value.isEmpty() ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(key + " must be a number, not '" + value + "'");
        }
    }
}
