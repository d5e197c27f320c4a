package dev.onair.api.channels;

import dev.onair.channels.entity.AllowedViewer;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** An account allowed to watch a private channel. */
@Schema(name = "AllowedViewer", example = "{\"accountId\": \"0b7e7f43-5a43-4f0e-8f4e-2b8f1c1d9a10\", \"displayName\": \"Viewer\", \"a"
        + "ddedAt\": \"2026-12-03T10:00:00Z\"}")
public record ViewerView(@Schema(description = "The account's id (its GET /api/me id)") String accountId,
                         String displayName,
                         @Schema(nullable = true) String avatarUrl,
                         Instant addedAt) {

    static ViewerView of(AllowedViewer viewer) {
        return new ViewerView(viewer.accountId(), viewer.displayName(), viewer.avatarUrl(), viewer.addedAt());
    }
}
