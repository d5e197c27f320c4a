package dev.onair.channels.entity;

import java.time.Instant;

/**
 * Any state to ENDED, once per channel. {@link #previous()} is the state it ended from;
 * {@link #publishId()} the last publish (null when the channel never went live);
 * {@link #reason()} why.
 */
public record StreamEnded(String channelId, String ownerId, String publishId, ChannelState previous, EndReason reason,
                          Instant at) implements StreamEvent {

    @Override
    public String type() { return "ENDED"; }

    @Override
    public String reasonCode() { return reason.code(); }
}
