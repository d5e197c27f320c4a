package dev.onair.channels.entity;

import java.time.Instant;

/**
 * RECONNECTING to LIVE: the broadcaster published again within the reconnect window, in publish
 * {@link #publishId()}, whose media nginx writes under {@link #folder()}.
 */
public record StreamResumed(String channelId, String ownerId, String publishId, String folder, Instant at) implements StreamEvent {

    @Override
    public String type() { return "RESUMED"; }
}
