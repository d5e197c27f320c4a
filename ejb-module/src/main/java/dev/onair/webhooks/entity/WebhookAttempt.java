package dev.onair.webhooks.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One try of a delivery: when, the receiver's HTTP status (none if it never answered), how long it took, what went wrong. */
@Entity
@Cacheable(false)
@Table(name = "webhook_attempt")
@NamedQuery(name = WebhookAttempt.OF_DELIVERIES, query = "SELECT a FROM WebhookAttempt a WHERE a.deliveryId IN :deliveries"
        + " ORDER BY a.at")
public class WebhookAttempt {

    public static final String OF_DELIVERIES = "WebhookAttempt.ofDeliveries";
    public static final int ERROR_MAX = 300;

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "delivery_id", nullable = false, updatable = false, length = 36)
    private String deliveryId;

    @Column(name = "attempted_at", nullable = false, updatable = false)
    private Instant at;

    @Column(name = "status", updatable = false)
    private Integer status;

    @Column(name = "latency_ms", nullable = false, updatable = false)
    private long latencyMillis;

    @Column(name = "error", updatable = false, length = ERROR_MAX)
    private String error;

    protected WebhookAttempt() {
    }

    public WebhookAttempt(String deliveryId, Instant at, Integer status, long latencyMillis, String error) {
        this.id = UUID.randomUUID().toString();
        this.deliveryId = deliveryId;
        this.at = at;
        this.status = status;
        this.latencyMillis = latencyMillis;
        this.error = error == null || error.length() <= ERROR_MAX ? error : error.substring(0, ERROR_MAX);
    }

    public String deliveryId() { return deliveryId; }

    public Instant at() { return at; }

    /** The receiver's HTTP status; null when no answer came (refused, timed out, address not allowed). */
    public Integer status() { return status; }

    public long latencyMillis() { return latencyMillis; }

    public String error() { return error; }
}
