package dev.onair.api.me;

import dev.onair.api.JsonBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.InputStream;
import java.util.List;
import java.util.Set;

/** The body of {@code POST /api/me/clients}. */
@Schema(name = "NewApiClient", example = "{\"name\": \"Scheduler\", \"scopes\": [\"channels:read\", \"channels:write\"]}")
public record NewApiClient(
        @Schema(description = "1 to 100 characters: what the program is, for its owner", required = true, maxLength = 100)
        String name,
        @Schema(description = "At least one of channels:read, channels:write, stream-key:read, stream-key:rotate, "
                + "events:read, webhooks:write, admin (administrators only)", required = true)
        List<String> scopes) {

    static final Set<String> FIELDS = Set.of("name", "scopes");

    static NewApiClient read(InputStream in) {
        JsonBody body = JsonBody.read(in, FIELDS);
        String name = body.text("name").orElse(null);
        List<String> scopes = body.texts("scopes").orElse(List.of());
        return body.build(() -> new NewApiClient(name, scopes));
    }
}
