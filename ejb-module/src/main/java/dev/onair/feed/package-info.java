/**
 * The event feed integrators read: one ordered stream of what happened to channels and their
 * streams, written in the transaction of each change ({@link dev.onair.feed.boundary.FeedWriter}
 * observes the channels', ingest's and delivery's events inside it: a transactional outbox), then
 * numbered gap-free and in order by {@link dev.onair.feed.boundary.FeedSequencer} (the database's
 * row lock serializes it across nodes), and read by number ({@link dev.onair.feed.boundary.Feed}).
 * The feed depends on those components' events; nothing depends on the feed.
 */
package dev.onair.feed;
