package dev.onair.channels.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/** One line of the stream lifecycle journal; ids grow in commit order per channel. */
@Entity
@Table(name = "stream_event")
@NamedQuery(name = StreamEventRecord.OF_CHANNEL,
        query = "SELECT e FROM StreamEventRecord e WHERE e.channelId = :channel ORDER BY e.id")
public class StreamEventRecord {

    public static final String OF_CHANNEL = "StreamEventRecord.ofChannel";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "channel_id", nullable = false, updatable = false)
    private String channelId;

    @Column(name = "type", nullable = false, updatable = false)
    private String type;

    @Column(name = "session_id", updatable = false)
    private String publishId;

    @Column(name = "reason", updatable = false)
    private String reason;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant at;

    protected StreamEventRecord() {
    }

    public StreamEventRecord(StreamEvent event) {
        this.channelId = event.channelId();
        this.type = event.type();
        this.publishId = event.publishId();
        this.reason = event.reasonCode();
        this.at = event.at();
    }

    public Long id() { return id; }

    public String channelId() { return channelId; }

    public String type() { return type; }

    public String publishId() { return publishId; }

    public String reason() { return reason; }

    public Instant at() { return at; }
}
