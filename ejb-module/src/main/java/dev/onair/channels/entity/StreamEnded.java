package dev.onair.channels.entity;

import java.time.Instant;

/**
 * Any state to ENDED, once per channel. {@link #previous()} is the state it ended from;
 * {@link #sessionId()} the last publish session (null when the channel never went live);
 * {@link #reason()} one of {@link EndReason}'s codes.
 */
public record StreamEnded(String channelId, String ownerId, String sessionId, ChannelState previous, String reason,
                          Instant at) implements StreamEvent {

    @Override
    public String type() { return "ENDED"; }
}
