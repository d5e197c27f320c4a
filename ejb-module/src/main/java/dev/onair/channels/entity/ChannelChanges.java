package dev.onair.channels.entity;

import dev.onair.shared.InvalidInput;
import dev.onair.shared.Violations;

import java.util.Optional;

/**
 * A partial edit of a channel: each present field replaces the stored one, absent ones stay.
 * At least one field must be present.
 */
public record ChannelChanges(Optional<String> title, Optional<String> description, Optional<Visibility> visibility) {

    public ChannelChanges {
        title = title == null ? Optional.empty() : title;
        description = description == null ? Optional.empty() : description;
        visibility = visibility == null ? Optional.empty() : visibility;
        if (title.isEmpty() && description.isEmpty() && visibility.isEmpty()) {
            throw InvalidInput.of("body", "names no field to change (title, description, visibility)");
        }
        Violations violations = new Violations();
        title.ifPresent(t -> violations.text("title", t, 1, ChannelDraft.TITLE_MAX, false));
        description.ifPresent(d -> violations.text("description", d, 0, ChannelDraft.DESCRIPTION_MAX, true));
        violations.throwIfAny();
    }
}
