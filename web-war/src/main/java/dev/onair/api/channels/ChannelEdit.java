package dev.onair.api.channels;

import dev.onair.api.JsonBody;
import dev.onair.channels.entity.ChannelChanges;
import dev.onair.channels.entity.Visibility;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.InputStream;
import java.util.Optional;
import java.util.Set;

/** The body of {@code PATCH /api/channels/{id}}: any of the fields; absent ones stay as they are. */
@Schema(name = "ChannelEdit", description = "JSON merge patch of a channel: send only the fields to change",
        example = "{\"title\": \"Evening stream, part 2\"}")
public record ChannelEdit(
        @Schema(description = "1 to 100 characters, any script", maxLength = 100) String title,
        @Schema(description = "Up to 2000 characters; null clears it", maxLength = 2000, nullable = true) String description,
        @Schema(type = SchemaType.STRING, enumeration = {"PUBLIC", "PRIVATE"}) Visibility visibility) {

    static final Set<String> FIELDS = Set.of("title", "description", "visibility");

    static ChannelChanges read(InputStream in) {
        JsonBody body = JsonBody.read(in, FIELDS);
        body.refuseNull("title", "cannot be removed");
        body.refuseNull("visibility", "cannot be removed (PUBLIC or PRIVATE)");
        Optional<String> title = body.text("title");
        Optional<String> description = body.isNull("description") ? Optional.of("") : body.text("description");
        Optional<Visibility> visibility = body.oneOf("visibility", Visibility.class);
        return body.build(() -> new ChannelChanges(title, description, visibility));
    }
}
