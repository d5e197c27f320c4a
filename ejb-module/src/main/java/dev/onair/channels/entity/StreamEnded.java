package dev.onair.channels.entity;

import java.time.Instant;

/**
 * Any state to ENDED, once per channel. {@link #previous()} is the state it ended from;
 * {@link #sessionId()} the last publish session (null when the channel never went live);
 * {@link #reason()} why.
 */
public record StreamEnded(String channelId, String ownerId, String sessionId, ChannelState previous, EndReason reason,
                          Instant at) implements StreamEvent {

    @Override
    public String type() { return "ENDED"; }

    @Override
    public String reasonCode() { return reason.code(); }
}
