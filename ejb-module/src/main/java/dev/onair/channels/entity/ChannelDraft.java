package dev.onair.channels.entity;

import dev.onair.shared.Violations;

/** What a broadcaster gives to open a channel. Validates itself: nothing invalid is ever stored. */
public record ChannelDraft(String title, String description, Visibility visibility) {

    public static final int TITLE_MAX = 100;
    public static final int DESCRIPTION_MAX = 2000;

    public ChannelDraft {
        Violations violations = new Violations()
                .text("title", title, 1, TITLE_MAX, false)
                .text("description", description, 0, DESCRIPTION_MAX, true);
        if (visibility == null) {
            violations.add("visibility", "is required (PUBLIC or PRIVATE)");
        }
        violations.throwIfAny();
        description = description == null ? "" : description;
    }
}
