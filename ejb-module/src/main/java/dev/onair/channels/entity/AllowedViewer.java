package dev.onair.channels.entity;

import java.time.Instant;

/** An account allowed to watch a private channel, as its broadcaster sees the list. */
public record AllowedViewer(String accountId, String displayName, String avatarUrl, Instant addedAt) {
}
