package dev.onair.ingest.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * One publish that {@code on_publish} accepted, from then until it ends. nginx-rtmp names a
 * publish by its stream name and a client id that restarts from 1 with every nginx process, so
 * OnAir gives each publish its own id; while a publish is active, {@code active_name} holds its
 * stream name and the database keeps a name at one active publish.
 */
@Entity
@Table(name = "publish_session")
@NamedQuery(name = Publish.ACTIVE_ON,
        query = "SELECT s FROM Publish s WHERE s.activeName = :name")
@NamedQuery(name = Publish.ACTIVE,
        query = "SELECT s FROM Publish s WHERE s.activeName IS NOT NULL ORDER BY s.startedAt")
@NamedQuery(name = Publish.ACTIVE_OF_CHANNEL,
        query = "SELECT s FROM Publish s WHERE s.channelId = :channel AND s.activeName IS NOT NULL")
@NamedQuery(name = Publish.OF_CHANNEL,
        query = "SELECT s FROM Publish s WHERE s.channelId = :channel ORDER BY s.startedAt")
public class Publish {

    public static final String ACTIVE_ON = "Publish.activeOn";
    public static final String ACTIVE = "Publish.active";
    public static final String ACTIVE_OF_CHANNEL = "Publish.activeOfChannel";
    public static final String OF_CHANNEL = "Publish.ofChannel";

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "channel_id", nullable = false, updatable = false)
    private String channelId;

    @Column(name = "account_id", nullable = false, updatable = false)
    private String accountId;

    @Column(name = "stream_name", nullable = false, updatable = false)
    private String streamName;

    @Column(name = "active_name")
    private String activeName;

    @Column(name = "client_id", nullable = false, updatable = false)
    private String clientId;

    @Column(name = "address", updatable = false)
    private String address;

    /** The stream key's secret hash when the publish was accepted: a rotation makes it stale. */
    @Column(name = "key_hash", nullable = false, updatable = false)
    private String keyHash;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "end_reason")
    private String endReason;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Publish() {
    }

    public Publish(String channelId, String accountId, String streamName, String clientId, String address,
                          String keyHash, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.channelId = channelId;
        this.accountId = accountId;
        this.streamName = streamName;
        this.activeName = streamName;
        this.clientId = clientId;
        this.address = address;
        this.keyHash = keyHash;
        this.startedAt = now;
    }

    public String id() { return id; }

    public String channelId() { return channelId; }

    public String accountId() { return accountId; }

    public String streamName() { return streamName; }

    public String clientId() { return clientId; }

    public String address() { return address; }

    public String keyHash() { return keyHash; }

    public Instant startedAt() { return startedAt; }

    public Instant endedAt() { return endedAt; }

    public String endReason() { return endReason; }

    public boolean active() { return endedAt == null; }

    /** Whether nginx's publish {@code clientId} on {@code streamName} is this publish. */
    public boolean isPublish(String streamName, String clientId) {
        return this.streamName.equals(streamName) && this.clientId.equals(clientId);
    }

    public void end(PublishEnd reason, Instant now) {
        if (endedAt == null) {
            endedAt = now;
            endReason = reason.code();
            activeName = null;
        }
    }
}
