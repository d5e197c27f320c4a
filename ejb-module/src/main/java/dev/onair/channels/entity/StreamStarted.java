package dev.onair.channels.entity;

import java.time.Instant;

/**
 * CREATED to LIVE: the first accepted publish of the channel ({@link #publishId()}), whose
 * media nginx writes under {@link #folder()} (the stream's public name). {@link #visibility()} is
 * the channel's for good: it cannot change once the channel went live.
 */
public record StreamStarted(String channelId, String ownerId, String publishId, String folder, Visibility visibility, Instant at)
        implements StreamEvent {

    @Override
    public String type() { return "STARTED"; }
}
