package dev.onair.delivery.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/** A JPEG of a channel's live edge at {@link #takenAt()}, in S3 at {@link #objectKey()}. */
@Entity
@Table(name = "thumbnail")
@NamedQuery(name = Thumbnail.CHANNELS_WITH,
        query = "SELECT DISTINCT t.channelId FROM Thumbnail t WHERE t.channelId IN :channels")
@NamedQuery(name = Thumbnail.OF_CHANNEL,
        query = "SELECT t FROM Thumbnail t WHERE t.channelId = :channel ORDER BY t.takenAt")
public class Thumbnail {

    public static final String CHANNELS_WITH = "Thumbnail.channelsWith";
    public static final String OF_CHANNEL = "Thumbnail.ofChannel";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "channel_id", nullable = false, updatable = false)
    private String channelId;

    @Column(name = "taken_at", nullable = false, updatable = false)
    private Instant takenAt;

    @Column(name = "object_key", nullable = false, updatable = false)
    private String objectKey;

    protected Thumbnail() {
    }

    public Thumbnail(String channelId, Instant takenAt, String objectKey) {
        this.channelId = channelId;
        this.takenAt = takenAt;
        this.objectKey = objectKey;
    }

    public String channelId() { return channelId; }

    public Instant takenAt() { return takenAt; }

    public String objectKey() { return objectKey; }
}
