package dev.onair.delivery.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;

/**
 * One HLS segment nginx cut for a publish: where it is on disk ({@link #folder()} /
 * {@link #number()}{@code .ts}), where it goes in S3 ({@link #objectKey()}), its place in the
 * channel's recording ({@link #seq()}) and whether it is uploaded. Recorded when a playlist of
 * nginx first lists it (complete by then), with the duration nginx gave it.
 */
@Entity
@Table(name = "hls_segment")
@NamedQuery(name = Segment.HIGHEST_IN_FOLDER,
        query = "SELECT MAX(s.number) FROM Segment s WHERE s.folder = :folder")
@NamedQuery(name = Segment.LATEST_OF_CHANNEL, // both lookups by the unique index on (channel, seq), in one round trip
        query = "SELECT s FROM Segment s WHERE s.channelId = :channel"
                + " AND s.seq = (SELECT MAX(m.seq) FROM Segment m WHERE m.channelId = :channel)")
@NamedQuery(name = Segment.PENDING_IN_FOLDER,
        query = "SELECT s FROM Segment s WHERE s.folder = :folder AND s.uploadedAt IS NULL ORDER BY s.number")
@NamedQuery(name = Segment.FOLDERS_PENDING,
        query = "SELECT DISTINCT s.folder FROM Segment s WHERE s.uploadedAt IS NULL")
@NamedQuery(name = Segment.OF_CHANNEL,
        query = "SELECT s FROM Segment s WHERE s.channelId = :channel ORDER BY s.seq")
@NamedQuery(name = Segment.LATEST_UPLOADED_OF_CHANNEL,
        query = "SELECT s FROM Segment s WHERE s.channelId = :channel AND s.uploadedAt IS NOT NULL ORDER BY s.seq DESC")
@NamedQuery(name = Segment.COUNT_PENDING_OF_CHANNEL,
        query = "SELECT COUNT(s) FROM Segment s WHERE s.channelId = :channel AND s.uploadedAt IS NULL")
@NamedQuery(name = Segment.MARK_UPLOADED,
        query = "UPDATE Segment s SET s.uploadedAt = :at WHERE s.id IN :ids AND s.uploadedAt IS NULL")
public class Segment {

    public static final String HIGHEST_IN_FOLDER = "Segment.highestInFolder";
    public static final String LATEST_OF_CHANNEL = "Segment.latestOfChannel";
    public static final String PENDING_IN_FOLDER = "Segment.pendingInFolder";
    public static final String FOLDERS_PENDING = "Segment.foldersPending";
    public static final String OF_CHANNEL = "Segment.ofChannel";
    public static final String LATEST_UPLOADED_OF_CHANNEL = "Segment.latestUploadedOfChannel";
    public static final String COUNT_PENDING_OF_CHANNEL = "Segment.countPendingOfChannel";
    public static final String MARK_UPLOADED = "Segment.markUploaded";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "session_id", nullable = false, updatable = false)
    private String publishId;

    @Column(name = "channel_id", nullable = false, updatable = false)
    private String channelId;

    @Column(name = "folder", nullable = false, updatable = false)
    private String folder;

    @Column(name = "number", nullable = false, updatable = false)
    private long number;

    @Column(name = "seq", nullable = false, updatable = false)
    private int seq;

    @Column(name = "discontinuity", nullable = false, updatable = false)
    private boolean discontinuity;

    @Column(name = "duration_ms", nullable = false, updatable = false)
    private int durationMillis;

    @Column(name = "object_key", nullable = false, updatable = false)
    private String objectKey;

    @Column(name = "listed_at", nullable = false, updatable = false)
    private Instant listedAt;

    @Column(name = "uploaded_at")
    private Instant uploadedAt;

    protected Segment() {
    }

    public Segment(String publishId, String channelId, String folder, long number, int seq, boolean discontinuity,
                   Duration duration, String objectKey, Instant listedAt) {
        this.publishId = publishId;
        this.channelId = channelId;
        this.folder = folder;
        this.number = number;
        this.seq = seq;
        this.discontinuity = discontinuity;
        this.durationMillis = Math.toIntExact(duration.toMillis());
        this.objectKey = objectKey;
        this.listedAt = listedAt;
    }

    public Long id() { return id; }

    public String publishId() { return publishId; }

    public String channelId() { return channelId; }

    public String folder() { return folder; }

    public long number() { return number; }

    /** nginx's file name for it, inside {@link #folder()}. */
    public String fileName() { return fileName(number); }

    /** The name nginx gives the file of segment {@code number}. */
    public static String fileName(long number) { return number + ".ts"; }

    public int seq() { return seq; }

    public boolean discontinuity() { return discontinuity; }

    public Duration duration() { return Duration.ofMillis(durationMillis); }

    public String objectKey() { return objectKey; }

    public Instant listedAt() { return listedAt; }

    /** When it reached S3, or null while it has not. */
    public Instant uploadedAt() { return uploadedAt; }

    public boolean uploaded() { return uploadedAt != null; }
}
