package dev.onair.delivery.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;

/** A channel's replay: the VOD playlist OnAir wrote to S3 once the channel ended and all of it was uploaded. */
@Entity
@Table(name = "replay")
@NamedQuery(name = Replay.OF_CHANNELS, query = "SELECT r FROM Replay r WHERE r.channelId IN :channels")
public class Replay {

    public static final String OF_CHANNELS = "Replay.ofChannels";

    @Id
    @Column(name = "channel_id", length = 36)
    private String channelId;

    @Column(name = "object_key", nullable = false, updatable = false)
    private String objectKey;

    @Column(name = "duration_ms", nullable = false, updatable = false)
    private long durationMillis;

    @Column(name = "segment_count", nullable = false, updatable = false)
    private int segmentCount;

    @Column(name = "session_count", nullable = false, updatable = false)
    private int publishCount;

    @Column(name = "written_at", nullable = false, updatable = false)
    private Instant writtenAt;

    protected Replay() {
    }

    public Replay(String channelId, String objectKey, Duration duration, int segmentCount, int publishCount, Instant writtenAt) {
        this.channelId = channelId;
        this.objectKey = objectKey;
        this.durationMillis = duration.toMillis();
        this.segmentCount = segmentCount;
        this.publishCount = publishCount;
        this.writtenAt = writtenAt;
    }

    public String channelId() { return channelId; }

    public String objectKey() { return objectKey; }

    public Duration duration() { return Duration.ofMillis(durationMillis); }

    public int segmentCount() { return segmentCount; }

    public int publishCount() { return publishCount; }

    public Instant writtenAt() { return writtenAt; }
}
