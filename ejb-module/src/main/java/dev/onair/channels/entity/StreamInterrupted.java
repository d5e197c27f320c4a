package dev.onair.channels.entity;

import java.time.Instant;

/**
 * LIVE to RECONNECTING: the publish {@link #publishId()} ended without the broadcast
 * ending, for {@link #reason()}.
 */
public record StreamInterrupted(String channelId, String ownerId, String publishId, InterruptionReason reason, Instant at)
        implements StreamEvent {

    @Override
    public String type() { return "INTERRUPTED"; }

    @Override
    public String reasonCode() { return reason.code(); }
}
