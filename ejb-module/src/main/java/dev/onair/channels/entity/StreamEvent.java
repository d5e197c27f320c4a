package dev.onair.channels.entity;

import java.time.Instant;

/**
 * A stream lifecycle transition, fired as a CDI event by
 * {@link dev.onair.channels.boundary.ChannelLifecycle} inside the transaction that made it and
 * journaled in that same transaction. Observe one kind ({@code @Observes StreamStarted}) or all
 * ({@code @Observes StreamEvent}); observers that act on the outside world declare
 * {@code during = TransactionPhase.AFTER_SUCCESS}, so they hear only of committed transitions.
 * Transitions of one channel are serialized by its row lock, so they commit in order.
 */
public sealed interface StreamEvent permits StreamStarted, StreamInterrupted, StreamResumed, StreamEnded {

    String channelId();

    String ownerId();

    /** The publish the transition belongs to; null only for a channel that ended without ever publishing. */
    String publishId();

    Instant at();

    /** The journal's name for this kind of event. */
    String type();

    /** Why, for interruptions and ends, as the API and the journal show it ({@code publisher-left}); null otherwise. */
    default String reasonCode() {
        return null;
    }
}
