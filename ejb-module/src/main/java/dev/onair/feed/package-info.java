/**
 * The event feed integrators read: one ordered stream of what happened to channels and their
 * streams, written in the transaction of each change ({@link dev.onair.feed.boundary.FeedWriter}
 * observes the channels' events inside it: a transactional outbox), then numbered gap-free and in
 * order by {@link dev.onair.feed.boundary.FeedSequencer} (the database's row lock serializes it
 * across nodes), and read by number ({@link dev.onair.feed.boundary.Feed}). The feed depends on
 * channels' events; nothing depends on the feed.
 */
package dev.onair.feed;
