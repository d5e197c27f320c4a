package dev.onair.delivery.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One publish of a channel, as delivery knows it from the stream events: the folder nginx cuts
 * its HLS into and when it started and ended. The id is the publish's.
 */
@Entity
@Cacheable(false) // written on the node a publish reaches, read on the node that syncs its folder
@Table(name = "delivery_publish")
@NamedQuery(name = DeliveryPublish.IN_FOLDER,
        query = "SELECT p, c.privateChannel FROM DeliveryPublish p, DeliveryChannel c WHERE c.channelId = p.channelId"
                + " AND p.folder = :folder ORDER BY p.startedAt DESC")
@NamedQuery(name = DeliveryPublish.OF_CHANNEL,
        query = "SELECT p FROM DeliveryPublish p WHERE p.channelId = :channel ORDER BY p.startedAt")
@NamedQuery(name = DeliveryPublish.FOLDERS_PUBLISHING,
        query = "SELECT DISTINCT p.folder FROM DeliveryPublish p WHERE p.endedAt IS NULL")
public class DeliveryPublish {

    public static final String IN_FOLDER = "DeliveryPublish.inFolder";
    public static final String OF_CHANNEL = "DeliveryPublish.ofChannel";
    public static final String FOLDERS_PUBLISHING = "DeliveryPublish.foldersPublishing";

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "channel_id", nullable = false, updatable = false)
    private String channelId;

    @Column(name = "folder", nullable = false, updatable = false)
    private String folder;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    protected DeliveryPublish() {
    }

    public DeliveryPublish(String id, String channelId, String folder, Instant startedAt) {
        this.id = id;
        this.channelId = channelId;
        this.folder = folder;
        this.startedAt = startedAt;
    }

    public String id() { return id; }

    public String channelId() { return channelId; }

    public String folder() { return folder; }

    public Instant startedAt() { return startedAt; }

    public Instant endedAt() { return endedAt; }

    /** The publish ended at {@code at}; the first end counts. */
    public void end(Instant at) {
        if (endedAt == null) {
            endedAt = at;
        }
    }
}
