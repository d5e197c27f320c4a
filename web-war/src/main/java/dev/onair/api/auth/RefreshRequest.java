package dev.onair.api.auth;

import dev.onair.api.JsonBody;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Set;

/** The JSON form of {@code POST /api/auth/refresh} and {@code /logout}, for clients without cookies. */
@Schema(name = "RefreshRequest", example = "{\"refreshToken\": \"rt_5kq...\"}")
public record RefreshRequest(
        @Schema(description = "The refresh token from the sign-in or the last refresh", required = true)
        String refreshToken) {

    static final Set<String> FIELDS = Set.of("refreshToken");

    /** The refresh token of a JSON body, or null when the request has no body (the cookie form). */
    static String read(InputStream in, MediaType type) {
        if (in == null || type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return null;
        }
        PushbackInputStream body = new PushbackInputStream(in);
        try {
            int first = body.read();
            if (first == -1) {
                return null;
            }
            body.unread(first);
        } catch (IOException e) {
            throw JsonBody.unreadable(e);
        }
        JsonBody json = JsonBody.read(body, FIELDS);
        json.refuseNull("refreshToken", "is required");
        String token = json.text("refreshToken").orElse(null);
        return json.build(() -> token);
    }
}
