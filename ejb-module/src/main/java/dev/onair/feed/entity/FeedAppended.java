package dev.onair.feed.entity;

/** An event of {@code type} was written to the feed in the current transaction; its observers wait for the commit. */
public record FeedAppended(String type) {
}
