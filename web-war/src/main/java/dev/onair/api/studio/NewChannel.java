package dev.onair.api.studio;

import dev.onair.api.JsonBody;
import dev.onair.channels.entity.ChannelDraft;
import dev.onair.channels.entity.Visibility;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.InputStream;
import java.util.Set;

/** The body of {@code POST /api/studio/channels}. */
@Schema(name = "NewChannel", example = "{\"title\": \"Evening stream 🎮\", \"description\": \"Playing until late\", \"visibility\": \"PUBLIC\"}")
public record NewChannel(
        @Schema(description = "1 to 100 characters, any script (Korean and emoji included)", required = true, maxLength = 100)
        String title,
        @Schema(description = "Up to 2000 characters", maxLength = 2000)
        String description,
        @Schema(required = true, type = SchemaType.STRING, enumeration = {"PUBLIC", "PRIVATE"})
        Visibility visibility) {

    static final Set<String> FIELDS = Set.of("title", "description", "visibility");

    static ChannelDraft read(InputStream in) {
        JsonBody body = JsonBody.read(in, FIELDS);
        String title = body.text("title").orElse(null);
        String description = body.text("description").orElse(null);
        Visibility visibility = body.oneOf("visibility", Visibility.class).orElse(null);
        return body.build(() -> new ChannelDraft(title, description, visibility));
    }
}
