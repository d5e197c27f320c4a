package dev.onair.webhooks.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One feed event for one subscription, tried until the receiver acknowledges it (2xx) or the retry
 * period ends (DEAD: a dead letter, which its owner may send again). A channel's deliveries go one
 * at a time in the feed's order: one is due only when none before it of its subscription and
 * channel is still PENDING ({@link #DUE}). A node sends one under a lease; if the node dies, the
 * lease runs out and another node sends it again (at least once; the same {@code webhook-id}).
 */
@Entity
@Cacheable(false)
@Table(name = "webhook_delivery")
@NamedQuery(name = WebhookDelivery.DUE, query = "SELECT d FROM WebhookDelivery d, WebhookSubscription s"
        + " WHERE d.state = :pending AND d.nextAttemptAt <= :now"
        + " AND (d.leaseUntil IS NULL OR d.leaseUntil < :now) AND s.id = d.subscriptionId AND s.state = :active"
        + " AND NOT EXISTS (SELECT e.id FROM WebhookDelivery e WHERE e.subscriptionId = d.subscriptionId"
        + " AND e.channelKey = d.channelKey AND e.state = :pending"
        + " AND e.sequence < d.sequence)"
        + " ORDER BY d.nextAttemptAt, d.sequence")
@NamedQuery(name = WebhookDelivery.CLAIM, query = "UPDATE WebhookDelivery d SET d.leaseOwner = :node, d.leaseUntil = :until"
        + " WHERE d.id = :id AND d.state = :pending"
        + " AND (d.leaseUntil IS NULL OR d.leaseUntil < :now)")
@NamedQuery(name = WebhookDelivery.OF_SUBSCRIPTION, query = "SELECT d FROM WebhookDelivery d WHERE d.subscriptionId = :subscription"
        + " ORDER BY d.sequence DESC")
@NamedQuery(name = WebhookDelivery.DEAD_OF_SUBSCRIPTION, query = "SELECT d FROM WebhookDelivery d WHERE d.subscriptionId = :subscription"
        + " AND d.state = :dead ORDER BY d.sequence")
@NamedQuery(name = WebhookDelivery.NEXT_DUE_AT, query = "SELECT MIN(d.nextAttemptAt) FROM WebhookDelivery d"
        + " WHERE d.state = :pending")
public class WebhookDelivery {

    public static final String DUE = "WebhookDelivery.due";
    public static final String CLAIM = "WebhookDelivery.claim";
    public static final String OF_SUBSCRIPTION = "WebhookDelivery.ofSubscription";
    public static final String DEAD_OF_SUBSCRIPTION = "WebhookDelivery.deadOfSubscription";
    public static final String NEXT_DUE_AT = "WebhookDelivery.nextDueAt";

    public enum State { PENDING, DELIVERED, DEAD }

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "subscription_id", nullable = false, updatable = false, length = 36)
    private String subscriptionId;

    @Column(name = "sequence_no", nullable = false, updatable = false)
    private long sequence;

    @Column(name = "event_id", nullable = false, updatable = false, length = 36)
    private String eventId;

    @Column(name = "event_type", nullable = false, updatable = false, length = 40)
    private String eventType;

    /** The channel whose deliveries go in order ('' for events of no channel). */
    @Column(name = "channel_key", nullable = false, updatable = false, length = 36)
    private String channelKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 10)
    private State state;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "lease_owner", length = 36)
    private String leaseOwner;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected WebhookDelivery() {
    }

    public WebhookDelivery(String subscriptionId, long sequence, String eventId, String eventType, String channelId, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.subscriptionId = subscriptionId;
        this.sequence = sequence;
        this.eventId = eventId;
        this.eventType = eventType;
        this.channelKey = channelId == null ? "" : channelId;
        this.state = State.PENDING;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    public String id() { return id; }

    public String subscriptionId() { return subscriptionId; }

    public long sequence() { return sequence; }

    public String eventId() { return eventId; }

    public String eventType() { return eventType; }

    public String channelKey() { return channelKey; }

    public State state() { return state; }

    public int attempts() { return attempts; }

    public Instant createdAt() { return createdAt; }

    public Instant nextAttemptAt() { return nextAttemptAt; }

    public Instant finishedAt() { return finishedAt; }

    /** Whether {@code node} holds its lease (it claimed it and nobody took it over since). */
    public boolean leasedBy(String node) {
        return node.equals(leaseOwner);
    }

    public void delivered(Instant now) {
        attempts++;
        state = State.DELIVERED;
        finishedAt = now;
        release();
    }

    /** Failed; tried again at {@code next}, or dead when {@code next} is past the retry period. */
    public void failed(Instant now, Instant next, Instant giveUpAt) {
        attempts++;
        if (next.isAfter(giveUpAt)) {
            state = State.DEAD;
            finishedAt = now;
        } else {
            nextAttemptAt = next;
        }
        release();
    }

    /** A dead letter is sent again (its owner asked): a new retry period from now. */
    public void redeliver(Instant now) {
        if (state == State.DEAD) {
            state = State.PENDING;
            createdAt = now;
            nextAttemptAt = now;
            finishedAt = null;
            release();
        }
    }

    private void release() {
        leaseOwner = null;
        leaseUntil = null;
    }
}
