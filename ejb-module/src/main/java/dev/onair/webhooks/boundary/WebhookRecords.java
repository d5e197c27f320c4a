package dev.onair.webhooks.boundary;

import dev.onair.accounts.boundary.Accounts;
import dev.onair.accounts.entity.Account;
import dev.onair.accounts.entity.Caller;
import dev.onair.feed.boundary.Feed;
import dev.onair.feed.boundary.FeedWriter;
import dev.onair.feed.entity.FeedEvent;
import dev.onair.webhooks.control.Backoff;
import dev.onair.webhooks.control.WebhookConfig;
import dev.onair.webhooks.control.WebhookSender;
import dev.onair.webhooks.entity.WebhookAttempt;
import dev.onair.webhooks.entity.WebhookDelivery;
import dev.onair.webhooks.entity.WebhookSubscription;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The webhooks' rows, each call one transaction of its own: turning new feed events into
 * deliveries (a subscription at a time, its row locked, so two nodes never make the same delivery
 * twice and the unique key would refuse it anyway), finding deliveries that are due, claiming one
 * under a lease, and recording how a try went. Whoever changes a subscription's row locks it
 * first, so concurrent completions and fan-outs wait for each other instead of failing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class WebhookRecords {

    /** Feed events one fan-out turns into deliveries at most; a subscription further behind runs again. */
    public static final int FAN_OUT_BATCH = 500;
    private static final JsonProvider JSON = JsonProvider.provider();

    @PersistenceContext(unitName = "onair")
    EntityManager em;

    @EJB
    Feed feed;

    @EJB
    FeedWriter feedWriter;

    @EJB
    Accounts accounts;

    @Inject
    WebhookConfig settings;

    /** A delivery ready to send: where, its message id (the event's), the body and the secrets that sign it. */
    public record Outgoing(String deliveryId, URI url, String messageId, String body, List<String> secrets) {
    }

    /** Enabled subscriptions whose position is behind {@code last}. */
    public List<String> behind(long last) {
        return em.createNamedQuery(WebhookSubscription.BEHIND, String.class).setParameter("active", WebhookSubscription.State.ACTIVE).setParameter("last", last).getResultList();
    }

    /**
     * Turns the feed's events after the subscription's position that it takes into deliveries and
     * moves its position on; how many events it read (a full batch means: run again).
     */
    public int fanOut(String subscriptionId, Instant now) {
        WebhookSubscription subscription = em.find(WebhookSubscription.class, subscriptionId, LockModeType.PESSIMISTIC_WRITE);
        if (subscription == null || !subscription.enabled() || subscription.deleted()) {
            return 0;
        }
        Optional<Account> owner = accounts.find(subscription.ownerId());
        if (owner.isEmpty() || owner.get().disabled()) {
            return 0; // a disabled account's subscriptions wait
        }
        long numbered = feed.lastNumbered();
        Caller reader = new Caller(subscription.ownerId(), subscription.allChannels() && owner.get().isAdmin());
        List<FeedEvent> events = feed.after(reader, subscription.position(), subscription.types(), subscription.channelId(), FAN_OUT_BATCH);
        for (FeedEvent event : events) {
            em.persist(new WebhookDelivery(subscription.id(), event.sequence(), event.eventId(), event.type(), event.channelId(), now));
        }
        long last = events.isEmpty() ? subscription.position() : events.get(events.size() - 1).sequence();
        subscription.advanceTo(events.size() < FAN_OUT_BATCH ? Math.max(last, numbered) : last);
        return events.size();
    }

    /** Up to {@code limit} deliveries due now: each the oldest still pending of its subscription's channel, not leased. */
    public List<String> due(int limit, Instant now) {
        return em.createNamedQuery(WebhookDelivery.DUE, WebhookDelivery.class)
                .setParameter("pending", WebhookDelivery.State.PENDING).setParameter("now", now)
                .setParameter("active", WebhookSubscription.State.ACTIVE).setMaxResults(limit).getResultStream().map(WebhookDelivery::id).toList();
    }

    /** Takes the delivery for {@code node} until {@code until}; false if it is not pending or another node holds it. */
    public boolean claim(String deliveryId, String node, Instant until, Instant now) {
        return em.createNamedQuery(WebhookDelivery.CLAIM).setParameter("node", node).setParameter("until", until)
                .setParameter("id", deliveryId).setParameter("pending", WebhookDelivery.State.PENDING).setParameter("now", now)
                .executeUpdate() == 1;
    }

    /** What to send for a delivery {@code node} holds; empty if it no longer does or there is nothing to send. */
    public Optional<Outgoing> outgoing(String deliveryId, String node, Instant now) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId);
        if (delivery == null || delivery.state() != WebhookDelivery.State.PENDING || !delivery.leasedBy(node)) {
            return Optional.empty();
        }
        WebhookSubscription subscription = em.find(WebhookSubscription.class, delivery.subscriptionId());
        Optional<FeedEvent> event = feed.numbered(delivery.sequence());
        if (subscription == null || event.isEmpty()) {
            return Optional.empty();
        }
        String body = JSON.createObjectBuilder().add("type", event.get().type()).add("timestamp", event.get().at().toString())
                .add("data", event.get().json()).build().toString();
        return Optional.of(new Outgoing(delivery.id(), URI.create(subscription.url()), event.get().eventId(), body,
                subscription.signingSecrets(now)));
    }

    /**
     * Records a try of a delivery {@code node} sent: the attempt always; and, if the node still held
     * it, delivered on 2xx, else the next try after the backoff, or a dead letter once the next
     * try would fall past the retry period. A subscription failing for the disable period without
     * one success is disabled, and its owner hears of it in the feed.
     */
    public void complete(String deliveryId, String node, WebhookSender.Result result, Instant now) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId);
        if (delivery == null) {
            return;
        }
        em.persist(new WebhookAttempt(delivery.id(), now, result.status(), result.latencyMillis(), result.error()));
        if (!delivery.leasedBy(node) || delivery.state() != WebhookDelivery.State.PENDING) {
            return; // another node took it over after the lease ran out: its try decides
        }
        WebhookSubscription subscription = em.find(WebhookSubscription.class, delivery.subscriptionId(), LockModeType.PESSIMISTIC_WRITE);
        em.refresh(delivery);
        if (!delivery.leasedBy(node) || delivery.state() != WebhookDelivery.State.PENDING) {
            return;
        }
        if (result.acknowledged()) {
            delivery.delivered(now);
            subscription.succeeded(now);
            return;
        }
        Backoff backoff = new Backoff(settings.backoffFirst(), settings.backoffMax(), ThreadLocalRandom.current());
        delivery.failed(now, now.plus(backoff.after(delivery.attempts() + 1)), delivery.createdAt().plus(settings.retryPeriod()));
        if (subscription.failed(now, settings.disableAfter())) {
            feedWriter.webhookDisabled(subscription.id(), subscription.ownerId(), subscription.disabledReason(), now);
        }
    }
}
