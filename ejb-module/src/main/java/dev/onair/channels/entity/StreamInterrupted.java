package dev.onair.channels.entity;

import java.time.Instant;

/**
 * LIVE to RECONNECTING: the publish session {@link #sessionId()} ended without the broadcast
 * ending. {@link #reason()}: one of {@link InterruptionReason}'s codes.
 */
public record StreamInterrupted(String channelId, String ownerId, String sessionId, String reason, Instant at)
        implements StreamEvent {

    @Override
    public String type() { return "INTERRUPTED"; }
}
