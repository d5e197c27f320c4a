package dev.onair.delivery.entity;

import java.time.Instant;

/** A live channel has a new thumbnail (fired in the transaction that records it). */
public record ThumbnailTaken(String channelId, String ownerId, Instant takenAt) {
}
