package dev.onair.feed.boundary;

import dev.onair.channels.entity.ChannelOpened;
import dev.onair.channels.entity.ChannelUpdated;
import dev.onair.channels.entity.StreamEvent;
import dev.onair.delivery.entity.ReplayReady;
import dev.onair.delivery.entity.ThumbnailTaken;
import dev.onair.feed.control.FeedEvents;
import dev.onair.feed.entity.FeedAppended;
import dev.onair.feed.entity.FeedEvent;
import dev.onair.ingest.entity.PublishDenied;
import dev.onair.ingest.entity.StreamHealthChanged;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;

/**
 * The feed's outbox: each event an integrator cares about is written here in the transaction of
 * the change that causes it (these observers run inside it), so a change that commits has its
 * event and one that rolls back has none ({@link FeedEvents} says what each change becomes).
 * {@link FeedAppended} then tells the sequencer, once the transaction committed, that there is
 * something to number.
 */
@Stateless
public class FeedWriter {

    @PersistenceContext(unitName = "onair")
    EntityManager em;

    @Inject
    Event<FeedAppended> appended;

    public void onOpened(@Observes(during = TransactionPhase.IN_PROGRESS) ChannelOpened opened) {
        append(FeedEvents.of(opened));
    }

    public void onUpdated(@Observes(during = TransactionPhase.IN_PROGRESS) ChannelUpdated updated) {
        append(FeedEvents.of(updated));
    }

    public void onStream(@Observes(during = TransactionPhase.IN_PROGRESS) StreamEvent event) {
        FeedEvents.of(event).forEach(this::append);
    }

    public void onHealth(@Observes(during = TransactionPhase.IN_PROGRESS) StreamHealthChanged changed) {
        append(FeedEvents.of(changed));
    }

    public void onDenied(@Observes(during = TransactionPhase.IN_PROGRESS) PublishDenied denied) {
        append(FeedEvents.of(denied));
    }

    public void onReplay(@Observes(during = TransactionPhase.IN_PROGRESS) ReplayReady ready) {
        append(FeedEvents.of(ready));
    }

    public void onThumbnail(@Observes(during = TransactionPhase.IN_PROGRESS) ThumbnailTaken taken) {
        append(FeedEvents.of(taken));
    }

    /**
     * A webhook subscription of {@code ownerId}'s was disabled for failing (in the caller's
     * transaction, the one that disables it): its owner hears of it in the feed.
     */
    public void webhookDisabled(String subscriptionId, String ownerId, String reason, Instant at) {
        append(FeedEvents.webhookDisabled(subscriptionId, ownerId, reason, at));
    }

    private void append(FeedEvent event) {
        em.persist(event);
        // written now, so that the ids of one transaction's events follow the order they happened in
        em.flush();
        appended.fire(new FeedAppended(event.type()));
    }
}
