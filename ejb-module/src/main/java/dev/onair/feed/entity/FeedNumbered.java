package dev.onair.feed.entity;

/** This node's sequencer numbered events, up to {@code last}: readers of the feed on this node may look now. */
public record FeedNumbered(long last) {
}
