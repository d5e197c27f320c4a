package dev.onair.channels.entity;

import java.time.Instant;

/**
 * LIVE to RECONNECTING: the publish session {@link #sessionId()} ended without the broadcast
 * ending. {@link #reason()}: {@code publisher-left} (on_publish_done), {@code publisher-vanished}
 * (gone from nginx-rtmp's statistics), {@code key-rotated}, {@code ingest-restarted},
 * {@code publisher-replaced} (a new publish found the old one gone).
 */
public record StreamInterrupted(String channelId, String ownerId, String sessionId, String reason, Instant at)
        implements StreamEvent {

    @Override
    public String type() { return "INTERRUPTED"; }
}
