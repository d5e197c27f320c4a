package dev.onair.channels.entity;

import java.time.Instant;

/** A channel became ENDED, from {@code previous}. Fired once per channel. */
public record ChannelEnded(String channelId, String ownerId, ChannelState previous, Instant at) {
}
