package dev.onair.delivery.boundary;

import dev.onair.channels.boundary.Channels;
import dev.onair.channels.entity.ChannelState;
import dev.onair.channels.entity.StreamEnded;
import dev.onair.channels.entity.StreamInterrupted;
import dev.onair.channels.entity.StreamResumed;
import dev.onair.channels.entity.StreamStarted;
import dev.onair.channels.entity.Visibility;
import dev.onair.delivery.entity.DeliveryChannel;
import dev.onair.delivery.entity.DeliveryPublish;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;

/**
 * Delivery's own record of the channels that went live and of their publishes
 * ({@link DeliveryChannel}, {@link DeliveryPublish}), written from the stream events inside the
 * transaction that fires them: a lifecycle move and delivery's record of it commit or roll back
 * together, and the sync reads no table of ingest's or channels'.
 */
@Stateless
public class StreamRecords {

    @PersistenceContext(unitName = "onair")
    EntityManager em;

    @EJB
    Channels channels;

    /** The channel went live: its record, and its first publish's. */
    public void started(@Observes StreamStarted event) {
        channelRecord(event.channelId(), event.ownerId(), event.visibility());
        publishStarted(event.publishId(), event.channelId(), event.folder(), event.at());
    }

    /**
     * The broadcaster published again. The channel's record is there since it went live; should it
     * not be (it went live on a node of an earlier version, before this record existed), it is made
     * from the channel as its component shows it.
     */
    public void resumed(@Observes StreamResumed event) {
        channelRecord(event.channelId(), event.ownerId(), null);
        publishStarted(event.publishId(), event.channelId(), event.folder(), event.at());
    }

    public void interrupted(@Observes StreamInterrupted event) {
        if (event.publishId() != null) {
            DeliveryPublish publish = em.find(DeliveryPublish.class, event.publishId());
            if (publish != null) {
                publish.end(event.at());
                em.flush();
            }
        }
    }

    /**
     * The channel ended: so did every publish of it still open, and its replay is due once they are
     * uploaded. A channel that went live without delivery's record of it (on a node of an earlier
     * version) gets one now, so that its replay is written too.
     */
    public void ended(@Observes StreamEnded event) {
        if (event.previous() == ChannelState.CREATED) {
            return; // it never went live: nothing to deliver
        }
        channelRecord(event.channelId(), event.ownerId(), null);
        DeliveryChannel channel = em.find(DeliveryChannel.class, event.channelId());
        channel.end(event.at());
        em.createNamedQuery(DeliveryPublish.OF_CHANNEL, DeliveryPublish.class)
                .setParameter("channel", event.channelId())
                .getResultStream()
                .forEach(publish -> publish.end(event.at()));
        em.flush();
    }

    private void channelRecord(String channelId, String ownerId, Visibility known) {
        if (em.find(DeliveryChannel.class, channelId) == null) {
            Visibility visibility = known != null ? known : channels.find(channelId).visibility();
            em.persist(new DeliveryChannel(channelId, ownerId, visibility == Visibility.PRIVATE));
            em.flush(); // before the publish that refers to it
        }
    }

    private void publishStarted(String publishId, String channelId, String folder, Instant at) {
        if (em.find(DeliveryPublish.class, publishId) == null) {
            em.persist(new DeliveryPublish(publishId, channelId, folder, at));
            em.flush();
        }
    }
}
