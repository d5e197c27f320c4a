package dev.onair.channels.entity;

import java.time.Instant;

/** CREATED to LIVE: the first accepted publish of the channel. */
public record StreamStarted(String channelId, String ownerId, String sessionId, Instant at) implements StreamEvent {

    @Override
    public String type() { return "STARTED"; }
}
