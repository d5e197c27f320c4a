package dev.onair.channels.entity;

import java.time.Instant;

/** A broadcaster opened a channel (state CREATED). Fired once per channel, delivered after commit to AFTER_SUCCESS observers. */
public record ChannelOpened(String channelId, String ownerId, String title, Visibility visibility, Instant at) {
}
