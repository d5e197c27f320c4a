package dev.onair.delivery.entity;

import java.time.Instant;

/**
 * A channel's replay was written (fired in the transaction that records it): its length, how many
 * segments and publishes it joins, and when. The channel's broadcaster is {@code ownerId}.
 */
public record ReplayReady(String channelId, String ownerId, long durationMillis, int segments, int publishes, Instant at) {

    public static ReplayReady of(Replay replay, String ownerId) {
        return new ReplayReady(replay.channelId(), ownerId, replay.duration().toMillis(), replay.segmentCount(),
                replay.publishCount(), replay.writtenAt());
    }
}
