package dev.onair.feed.boundary;

import dev.onair.accounts.entity.Caller;
import dev.onair.feed.entity.FeedEvent;
import dev.onair.feed.entity.FeedSequence;
import dev.onair.feed.entity.FeedTypes;
import dev.onair.shared.Ids;
import dev.onair.shared.Violations;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.Optional;

/**
 * Reading the feed: numbered events after a sequence number, in order, of the caller's own
 * channels (an admin's: everyone's), optionally of some types or one channel. A reader that keeps
 * the last number it saw and asks for what comes after it misses nothing and sees nothing twice.
 */
@Stateless
public class Feed {

    /** Events one read answers at most. */
    public static final int MAX_LIMIT = 1000;
    public static final int DEFAULT_LIMIT = 100;

    @PersistenceContext(unitName = "onair")
    EntityManager em;

    /** The event numbered {@code sequence}, if it exists. */
    public Optional<FeedEvent> numbered(long sequence) {
        return em.createQuery("SELECT e FROM FeedEvent e WHERE e.sequence = :sequence", FeedEvent.class)
                .setParameter("sequence", sequence).getResultStream().findFirst();
    }

    /** The highest number given out so far: every event up to it is committed and readable. */
    public long lastNumbered() {
        return em.createQuery("SELECT s.last FROM FeedSequence s WHERE s.name = :name", Long.class)
                .setParameter("name", FeedSequence.FEED).getSingleResult();
    }

    /**
     * Up to {@code limit} events numbered above {@code after} that {@code caller} may see, of
     * {@code types} (empty: all) and of {@code channelId} (null: any), in order.
     */
    public List<FeedEvent> after(Caller caller, long after, List<String> types, String channelId, int limit) {
        Violations violations = violations(after, types, channelId);
        if (limit < 1 || limit > MAX_LIMIT) {
            violations.add("limit", "must be 1 to " + MAX_LIMIT);
        }
        violations.throwIfAny();
        StringBuilder jpql = new StringBuilder("SELECT e FROM FeedEvent e WHERE e.sequence > :after");
        if (!caller.admin()) {
            jpql.append(" AND e.ownerId = :owner");
        }
        if (channelId != null) {
            jpql.append(" AND e.channelId = :channel");
        }
        if (!types.isEmpty()) {
            jpql.append(" AND e.type IN :types");
        }
        TypedQuery<FeedEvent> query = em.createQuery(jpql.append(" ORDER BY e.sequence").toString(), FeedEvent.class)
                .setParameter("after", after).setMaxResults(limit);
        if (!caller.admin()) {
            query.setParameter("owner", caller.accountId());
        }
        if (channelId != null) {
            query.setParameter("channel", channelId);
        }
        if (!types.isEmpty()) {
            query.setParameter("types", types);
        }
        return query.getResultList();
    }

    /** Checks a reading's position and filters (an event stream's, before it opens); throws what is wrong. */
    public void check(long after, List<String> types, String channelId) {
        violations(after, types, channelId).throwIfAny();
    }

    private static Violations violations(long after, List<String> types, String channelId) {
        Violations violations = new Violations();
        if (after < 0) {
            violations.add("after", "must be 0 or more");
        }
        types.stream().filter(type -> !FeedTypes.ALL.contains(type)).findFirst()
                .ifPresent(type -> violations.add("types", "unknown type; the types are " + String.join(", ", FeedTypes.ALL)));
        if (channelId != null && !Ids.isId(channelId)) {
            violations.add("channel", "must be a channel id");
        }
        return violations;
    }
}
