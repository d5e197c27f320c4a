package dev.onair.feed.entity;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;

/**
 * One event of the feed: its public id, type, time, channel and JSON payload (never a secret),
 * and once the sequencer has numbered it, its place in the feed ({@link #sequence()}): gap-free
 * and strictly increasing over the whole feed. Unnumbered events are not shown to anyone. Not in
 * EclipseLink's shared cache: another node may number an event this one wrote, and a reader must
 * see the number the database holds.
 */
@Entity
@Cacheable(false)
@Table(name = "feed_event")
@NamedQuery(name = FeedEvent.UNNUMBERED, query = "SELECT e FROM FeedEvent e WHERE e.sequence IS NULL ORDER BY e.id")
public class FeedEvent {

    public static final String UNNUMBERED = "FeedEvent.unnumbered";
    private static final JsonProvider JSON = JsonProvider.provider();
    /** The longest payload a row holds (JSON text). */
    public static final int PAYLOAD_MAX = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "sequence_no")
    private Long sequence;

    @Column(name = "event_id", nullable = false, updatable = false, length = 36)
    private String eventId;

    @Column(name = "type", nullable = false, updatable = false, length = 40)
    private String type;

    @Column(name = "channel_id", updatable = false, length = 36)
    private String channelId;

    @Column(name = "owner_id", updatable = false, length = 36)
    private String ownerId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant at;

    @Column(name = "payload", nullable = false, updatable = false, length = PAYLOAD_MAX)
    private String payload;

    protected FeedEvent() {
    }

    public FeedEvent(String type, String channelId, String ownerId, Instant at, String payload) {
        if (payload.length() > PAYLOAD_MAX) {
            throw new IllegalArgumentException("a feed event's payload is at most " + PAYLOAD_MAX + " characters");
        }
        this.eventId = UUID.randomUUID().toString();
        this.type = type;
        this.channelId = channelId;
        this.ownerId = ownerId;
        this.at = at;
        this.payload = payload;
    }

    public Long id() { return id; }

    /** Its place in the feed; null until the sequencer numbered it. */
    public Long sequence() { return sequence; }

    public String eventId() { return eventId; }

    public String type() { return type; }

    public String channelId() { return channelId; }

    /** The account whose event it is (the channel's broadcaster): who may read it besides admins. */
    public String ownerId() { return ownerId; }

    public Instant at() { return at; }

    /** A JSON object. */
    public String payload() { return payload; }

    /**
     * The event as integrators get it, in the feed, its stream and webhooks alike:
     * {@code sequence}, {@code id}, {@code type}, {@code at}, {@code channelId} (when it has one)
     * and {@code data}, the payload.
     */
    public JsonObject json() {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("sequence", sequence).add("id", eventId).add("type", type)
                .add("at", at.toString());
        if (channelId != null) {
            json.add("channelId", channelId);
        }
        try (JsonReader reader = JSON.createReader(new StringReader(payload))) {
            return json.add("data", reader.readObject()).build();
        }
    }

    public void number(long sequence) {
        if (this.sequence != null) {
            throw new IllegalStateException("event " + eventId + " is numbered already");
        }
        this.sequence = sequence;
    }
}
