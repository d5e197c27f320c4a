package dev.onair.api.channels;

import dev.onair.channels.entity.AllowedViewer;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** An account allowed to watch a private channel. */
@Schema(name = "AllowedViewer")
public record ViewerView(@Schema(description = "The account's id (its GET /api/me id)") String accountId,
                         String displayName,
                         @Schema(nullable = true) String avatarUrl,
                         Instant addedAt) {

    static ViewerView of(AllowedViewer viewer) {
        return new ViewerView(viewer.accountId(), viewer.displayName(), viewer.avatarUrl(), viewer.addedAt());
    }
}
