package dev.onair.delivery.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A channel that went live, as delivery knows it from the stream events: its broadcaster, whether
 * its objects go under the private prefix (a channel's visibility is fixed once it went live) and when it
 * ended, which makes its replay due.
 */
@Entity
@Cacheable(false) // written on the node a publish reaches, read on the node that syncs its folder
@Table(name = "delivery_channel")
public class DeliveryChannel {

    @Id
    @Column(name = "channel_id", length = 36)
    private String channelId;

    @Column(name = "private_channel", nullable = false, updatable = false)
    private boolean privateChannel;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "owner_id", length = 36)
    private String ownerId;

    protected DeliveryChannel() {
    }

    public DeliveryChannel(String channelId, String ownerId, boolean privateChannel) {
        this.channelId = channelId;
        this.ownerId = ownerId;
        this.privateChannel = privateChannel;
    }

    public String channelId() { return channelId; }

    /** The channel's broadcaster, whose events delivery's are (the feed shows them to that account). */
    public String ownerId() { return ownerId; }

    public boolean privateChannel() { return privateChannel; }

    public Instant endedAt() { return endedAt; }

    public boolean ended() { return endedAt != null; }

    /** The channel ended at {@code at}; the first end counts. */
    public void end(Instant at) {
        if (endedAt == null) {
            endedAt = at;
        }
    }
}
