package dev.onair.webhooks.boundary;

import dev.onair.accounts.entity.Caller;
import dev.onair.channels.boundary.Channels;
import dev.onair.channels.entity.Channel;
import dev.onair.feed.boundary.Feed;
import dev.onair.feed.entity.FeedTypes;
import dev.onair.shared.Ids;
import dev.onair.shared.NotFound;
import dev.onair.shared.Violations;
import dev.onair.webhooks.control.OutboundGuard;
import dev.onair.webhooks.control.Signatures;
import dev.onair.webhooks.control.WebhookConfig;
import dev.onair.webhooks.entity.WebhookAttempt;
import dev.onair.webhooks.entity.WebhookDelivery;
import dev.onair.webhooks.entity.WebhookRefused;
import dev.onair.webhooks.entity.WebhookSubscription;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Webhook subscriptions, for their owners (and admins): subscribe a receiver to some of the feed's
 * events (from the moment of subscribing on), list, rotate the signing secret (the old one keeps
 * signing beside the new one for {@code onair.webhooks.secret-overlap}), enable one that was
 * disabled for failing, delete, read every delivery with its attempts, and send dead letters again.
 * A receiver's URL is checked by {@link OutboundGuard} here and again at every connection.
 */
@Stateless
public class Webhooks {

    /** Deliveries one read answers at most. */
    public static final int MAX_DELIVERIES = 200;
    private static final Logger LOG = Logger.getLogger(Webhooks.class.getName());

    @PersistenceContext(unitName = "onair")
    EntityManager em;

    @EJB
    Feed feed;

    @EJB
    Channels channels;

    @Inject
    WebhookConfig settings;

    private final Clock clock = Clock.systemUTC();

    /** A subscription with its secret, shown when it is made and when it is rotated only. */
    public record WithSecret(WebhookSubscription subscription, String secret) {
    }

    /** A delivery with its attempts, oldest first. */
    public record DeliveryRecord(WebhookDelivery delivery, List<WebhookAttempt> attempts) {
    }

    /** Subscribes {@code url} to {@code types} (empty: all) of {@code caller}'s events, of {@code channelId} only when given. */
    public WithSecret subscribe(Caller caller, String url, List<String> types, String channelId) {
        Violations violations = new Violations();
        OutboundGuard guard = new OutboundGuard(settings.allowHttp(), settings.allow());
        URI uri = null;
        if (url != null && url.length() > WebhookSubscription.URL_MAX) {
            violations.add("url", "is longer than " + WebhookSubscription.URL_MAX + " characters");
        } else {
            try {
                uri = guard.url(url);
                guard.resolve(uri.getHost());
            } catch (OutboundGuard.Refused e) {
                violations.add("url", e.getMessage());
            }
        }
        types.stream().filter(type -> !FeedTypes.ALL.contains(type)).findFirst()
                .ifPresent(type -> violations.add("types", "unknown type; the types are " + String.join(", ", FeedTypes.ALL)));
        if (channelId != null && !Ids.isId(channelId)) {
            violations.add("channelId", "must be a channel id");
        }
        violations.throwIfAny();
        if (channelId != null) {
            Channel channel = channels.find(channelId);
            if (!caller.owns(channel.ownerId()) && !caller.admin()) {
                throw new NotFound("no channel " + channelId);
            }
        }
        long count = em.createNamedQuery(WebhookSubscription.COUNT_OF_OWNER, Long.class).setParameter("owner", caller.accountId())
                .setParameter("deleted", WebhookSubscription.State.DELETED)
                .getSingleResult();
        if (count >= settings.maxPerAccount()) {
            throw WebhookRefused.tooMany(settings.maxPerAccount());
        }
        String secret = Signatures.newSecret();
        WebhookSubscription subscription = new WebhookSubscription(caller.accountId(), caller.admin(), uri.toString(), types, channelId,
                secret, feed.lastNumbered(), clock.instant());
        em.persist(subscription);
        String host = uri.getHost();
        LOG.info(() -> "Account " + caller.accountId() + " subscribed webhook " + subscription.id() + " to " + host);
        return new WithSecret(subscription, secret);
    }

    /** {@code caller}'s subscriptions, newest first. */
    public List<WebhookSubscription> of(Caller caller) {
        return em.createNamedQuery(WebhookSubscription.OF_OWNER, WebhookSubscription.class).setParameter("owner", caller.accountId())
                .setParameter("deleted", WebhookSubscription.State.DELETED)
                .getResultList();
    }

    public WebhookSubscription find(String id, Caller caller) {
        return owned(id, caller, false);
    }

    /** A new secret; the old one still signs beside it for the overlap, so receivers can switch without losing a delivery. */
    public WithSecret rotate(String id, Caller caller) {
        WebhookSubscription subscription = owned(id, caller, true);
        String secret = Signatures.newSecret();
        subscription.rotate(secret, settings.secretOverlap(), clock.instant());
        LOG.info(() -> "Webhook " + id + ": secret rotated");
        return new WithSecret(subscription, secret);
    }

    /** Enables a subscription that was disabled for failing: its waiting deliveries go out again, and new events with them. */
    public WebhookSubscription enable(String id, Caller caller) {
        WebhookSubscription subscription = owned(id, caller, true);
        subscription.enable();
        return subscription;
    }

    /** Deletes a subscription: no more deliveries (its history goes with it from the owner's view). */
    public void delete(String id, Caller caller) {
        WebhookSubscription subscription = owned(id, caller, true);
        subscription.delete(clock.instant());
        LOG.info(() -> "Webhook " + id + " deleted");
    }

    /** The latest {@code limit} deliveries of a subscription, newest first, each with its attempts. */
    public List<DeliveryRecord> deliveries(String id, Caller caller, int limit) {
        owned(id, caller, false);
        if (limit < 1 || limit > MAX_DELIVERIES) {
            new Violations().add("limit", "must be 1 to " + MAX_DELIVERIES).throwIfAny();
        }
        List<WebhookDelivery> deliveries = em.createNamedQuery(WebhookDelivery.OF_SUBSCRIPTION, WebhookDelivery.class)
                .setParameter("subscription", id).setMaxResults(limit).getResultList();
        if (deliveries.isEmpty()) {
            return List.of();
        }
        Map<String, List<WebhookAttempt>> attempts = em.createNamedQuery(WebhookAttempt.OF_DELIVERIES, WebhookAttempt.class)
                .setParameter("deliveries", deliveries.stream().map(WebhookDelivery::id).toList()).getResultStream()
                .collect(Collectors.groupingBy(WebhookAttempt::deliveryId));
        return deliveries.stream().map(d -> new DeliveryRecord(d, attempts.getOrDefault(d.id(), List.of()))).toList();
    }

    /** Sends a dead letter again, with a new retry period. */
    public WebhookDelivery redeliver(String id, String deliveryId, Caller caller) {
        WebhookSubscription subscription = owned(id, caller, true);
        WebhookDelivery delivery = Ids.isId(deliveryId) ? em.find(WebhookDelivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE) : null;
        if (delivery == null || !delivery.subscriptionId().equals(subscription.id())) {
            throw WebhookRefused.unknownDelivery();
        }
        if (delivery.state() != WebhookDelivery.State.DEAD) {
            throw WebhookRefused.notDead();
        }
        delivery.redeliver(clock.instant());
        return delivery;
    }

    /** Sends every dead letter of a subscription again, in the feed's order; how many. */
    public int redeliverAll(String id, Caller caller) {
        WebhookSubscription subscription = owned(id, caller, true);
        List<WebhookDelivery> dead = em.createNamedQuery(WebhookDelivery.DEAD_OF_SUBSCRIPTION, WebhookDelivery.class)
                .setParameter("subscription", subscription.id()).setParameter("dead", WebhookDelivery.State.DEAD)
                .getResultList(); // no one else changes a dead letter, and the subscription's lock serializes redeliveries
        dead.forEach(delivery -> delivery.redeliver(clock.instant()));
        return dead.size();
    }

    private WebhookSubscription owned(String id, Caller caller, boolean lock) {
        WebhookSubscription subscription = Ids.isId(id)
                ? em.find(WebhookSubscription.class, id, lock ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE) : null;
        if (subscription == null || subscription.deleted() || !caller.owns(subscription.ownerId()) && !caller.admin()) {
            throw WebhookRefused.unknown();
        }
        return subscription;
    }
}
