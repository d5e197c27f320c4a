package dev.onair.feed.boundary;

import dev.onair.feed.entity.FeedEvent;
import dev.onair.feed.entity.FeedSequence;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/**
 * Numbers committed events, oldest written first, in one transaction that holds the feed's
 * sequence row: numbers are gap-free (a run that fails numbers nothing) and strictly increasing,
 * and no reader ever sees number N+1 without N. The lock serializes the numbering across nodes;
 * the writers never take it, so they never wait for it (nor it for them, but on Derby, which
 * makes the scan wait for a writer's uncommitted row until that writer commits).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class FeedNumbering {

    /** Events numbered in one transaction at most. */
    public static final int BATCH = 500;

    @PersistenceContext(unitName = "onair")
    EntityManager em;

    /** What one run did: how many it numbered, and the last number given out. */
    public record Run(int numbered, long last) {
    }

    /** Numbers up to {@link #BATCH} waiting events. */
    public Run numberWaiting() {
        FeedSequence sequence = em.find(FeedSequence.class, FeedSequence.FEED, LockModeType.PESSIMISTIC_WRITE);
        List<FeedEvent> waiting = em.createNamedQuery(FeedEvent.UNNUMBERED, FeedEvent.class).setMaxResults(BATCH).getResultList();
        for (FeedEvent event : waiting) {
            event.number(sequence.next());
        }
        em.flush();
        return new Run(waiting.size(), sequence.last());
    }
}
