package dev.onair.webhooks.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A webhook subscription: where to POST (its URL), which of its owner's events (types, optionally
 * one channel; an admin's may take everyone's), and the secret that signs them. It turns feed
 * events after its {@link #position()} into deliveries. A subscription whose deliveries fail for
 * the disable period without one success is disabled (deliveries wait) until its owner enables it.
 */
@Entity
@Cacheable(false) // several nodes change it (position, failures): each reads the database's row
@Table(name = "webhook_subscription")
@NamedQuery(name = WebhookSubscription.OF_OWNER,
        query = "SELECT s FROM WebhookSubscription s WHERE s.ownerId = :owner AND s.state <> :deleted ORDER BY s.createdAt DESC, s.id")
@NamedQuery(name = WebhookSubscription.COUNT_OF_OWNER,
        query = "SELECT COUNT(s) FROM WebhookSubscription s WHERE s.ownerId = :owner AND s.state <> :deleted")
@NamedQuery(name = WebhookSubscription.BEHIND,
        query = "SELECT s.id FROM WebhookSubscription s WHERE s.state = :active AND s.position < :last")
public class WebhookSubscription {

    public static final String OF_OWNER = "WebhookSubscription.ofOwner";
    public static final String COUNT_OF_OWNER = "WebhookSubscription.countOfOwner";
    public static final String BEHIND = "WebhookSubscription.behind";
    public static final int URL_MAX = 2000;

    public enum State { ACTIVE, DISABLED, DELETED }

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "owner_id", nullable = false, updatable = false, length = 36)
    private String ownerId;

    @Column(name = "all_channels", nullable = false, updatable = false)
    private boolean allChannels;

    @Column(name = "url", nullable = false, length = URL_MAX)
    private String url;

    /** Comma-separated feed types; empty: all. */
    @Column(name = "types", nullable = false, length = 1000)
    private String types;

    @Column(name = "channel_id", length = 36)
    private String channelId;

    @Column(name = "secret", nullable = false, length = 100)
    private String secret;

    @Column(name = "previous_secret", length = 100)
    private String previousSecret;

    @Column(name = "previous_until")
    private Instant previousUntil;

    @Column(name = "position", nullable = false)
    private long position;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 10)
    private State state;

    @Column(name = "disabled_reason", length = 200)
    private String disabledReason;

    @Column(name = "failing_since")
    private Instant failingSince;

    @Column(name = "last_success_at")
    private Instant lastSuccessAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected WebhookSubscription() {
    }

    public WebhookSubscription(String ownerId, boolean allChannels, String url, List<String> types, String channelId, String secret,
                               long position, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.ownerId = ownerId;
        this.allChannels = allChannels;
        this.url = url;
        this.types = String.join(",", types);
        this.channelId = channelId;
        this.secret = secret;
        this.position = position;
        this.state = State.ACTIVE;
        this.createdAt = now;
    }

    public String id() { return id; }

    public String ownerId() { return ownerId; }

    /** Whether it takes every channel's events (an admin's subscription), not only its owner's. */
    public boolean allChannels() { return allChannels; }

    public String url() { return url; }

    /** The types it takes; empty: all. */
    public List<String> types() {
        return types.isEmpty() ? List.of() : Arrays.asList(types.split(","));
    }

    public String channelId() { return channelId; }

    public long position() { return position; }

    public boolean enabled() { return state == State.ACTIVE; }

    public String disabledReason() { return disabledReason; }

    public Instant failingSince() { return failingSince; }

    public Instant lastSuccessAt() { return lastSuccessAt; }

    public Instant createdAt() { return createdAt; }

    public boolean deleted() { return state == State.DELETED; }

    /** The secrets that sign a delivery at {@code now}: the current one, and the previous one during its overlap. */
    public List<String> signingSecrets(Instant now) {
        return previousSecretUntil(now).isPresent() ? List.of(secret, previousSecret) : List.of(secret);
    }

    /** Until when the previous secret still signs, while it does. */
    public Optional<Instant> previousSecretUntil(Instant now) {
        return previousSecret != null && previousUntil != null && now.isBefore(previousUntil) ? Optional.of(previousUntil) : Optional.empty();
    }

    public void advanceTo(long sequence) {
        if (sequence > position) {
            position = sequence;
        }
    }

    /** A new secret; the old one still signs (beside it) for {@code overlap}. */
    public void rotate(String newSecret, Duration overlap, Instant now) {
        previousSecret = secret;
        previousUntil = now.plus(overlap);
        secret = newSecret;
    }

    /** A delivery was acknowledged. */
    public void succeeded(Instant now) {
        lastSuccessAt = now;
        failingSince = null;
    }

    /** A delivery failed; true when it has failed for {@code disableAfter} without a success and is now disabled. */
    public boolean failed(Instant now, Duration disableAfter) {
        if (failingSince == null) {
            failingSince = now;
        }
        if (state == State.ACTIVE && !now.isBefore(failingSince.plus(disableAfter))) {
            state = State.DISABLED;
            disabledReason = "deliveries failed for " + disableAfter.toHours() + " h without one success";
            return true;
        }
        return false;
    }

    public void enable() {
        state = State.ACTIVE;
        disabledReason = null;
        failingSince = null;
    }

    public void delete(Instant now) {
        state = State.DELETED;
        deletedAt = now;
    }
}
