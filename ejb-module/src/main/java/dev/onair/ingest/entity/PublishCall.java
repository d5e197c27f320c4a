package dev.onair.ingest.entity;

import dev.onair.shared.FieldError;
import dev.onair.shared.InvalidInput;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The fields of an nginx-rtmp callback that OnAir decides on, validated: the application, the
 * stream name (the public part of the stream key; the only part that reaches a path), nginx's
 * client id, the publisher's address, and the secret part of the key (from {@code ?key=}).
 * {@link #toString()} never shows the secret.
 */
public record PublishCall(String app, String name, String key, String clientId, String address) {

    /** The nginx-rtmp application encoders publish to ({@code rtmp://host/live}). */
    public static final String APPLICATION = "live";

    private static final Pattern NAME = Pattern.compile("[a-z0-9]{16}");
    private static final Pattern CLIENT_ID = Pattern.compile("[0-9]{1,20}");
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f.:]{2,45}");
    private static final int MAX_KEY = 128;

    /** Checks every field at once; a malformed field is an {@link InvalidInput} naming it. */
    public static PublishCall of(String expectedApp, String app, String name, String key, String clientId, String address) {
        List<FieldError> errors = new ArrayList<>();
        if (!expectedApp.equals(app)) {
            errors.add(new FieldError("app", "must be '" + expectedApp + "'"));
        }
        if (name == null || name.isEmpty()) {
            errors.add(new FieldError("name", "is required"));
        } else if (!NAME.matcher(name).matches()) {
            errors.add(new FieldError("name", "must be the 16 lower-case letters and digits of a stream key's public part"));
        }
        if (key != null && key.length() > MAX_KEY) {
            errors.add(new FieldError("key", "must be at most " + MAX_KEY + " characters"));
        }
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            errors.add(new FieldError("clientid", "must be nginx's numeric client id"));
        }
        if (address != null && !address.isEmpty() && !ADDRESS.matcher(address).matches()) {
            errors.add(new FieldError("addr", "must be an IP address"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new PublishCall(app, name, key, clientId, address == null || address.isEmpty() ? null : address);
    }

    @Override
    public String toString() {
        return "PublishCall[app=" + app + ", name=" + name + ", clientId=" + clientId + ", address=" + address + "]";
    }
}
