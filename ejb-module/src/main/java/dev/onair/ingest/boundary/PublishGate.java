package dev.onair.ingest.boundary;

import dev.onair.accounts.boundary.Accounts;
import dev.onair.accounts.entity.Account;
import dev.onair.channels.boundary.ChannelLifecycle;
import dev.onair.channels.boundary.Channels;
import dev.onair.channels.entity.Channel;
import dev.onair.channels.entity.ChannelState;
import dev.onair.channels.entity.EndReason;
import dev.onair.channels.entity.InterruptionReason;
import dev.onair.channels.entity.StreamEnded;
import dev.onair.ingest.control.DenialNotices;
import dev.onair.ingest.control.NginxControl;
import dev.onair.ingest.control.RtmpStat;
import dev.onair.ingest.entity.Publish;
import dev.onair.ingest.entity.PublishCall;
import dev.onair.ingest.entity.PublishDenied;
import dev.onair.ingest.entity.PublishEnd;
import dev.onair.ingest.entity.PublishRefused;
import dev.onair.ingest.entity.PublisherEvicted;
import dev.onair.ingest.entity.StreamKey;
import dev.onair.ingest.entity.StreamKeyRotated;
import dev.onair.shared.Transactions;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * nginx-rtmp's questions and OnAir's answers. Each decision is one transaction that first locks
 * the broadcaster's channel row, so concurrent, duplicate or late callbacks for one channel are
 * decided one after the other against committed state: a callback that arrives twice finds its
 * work done and changes nothing. Refusals are returned, not thrown, so that what a refusal
 * decided (ending a channel whose reconnect window had passed) still commits; anything thrown
 * (a database fault) rolls back and reaches nginx as a non-2xx answer, which refuses the publish.
 */
@Stateless
public class PublishGate {

    private static final Logger LOG = Logger.getLogger(PublishGate.class.getName());

    @PersistenceContext(unitName = "onair")
    EntityManager em;

    @EJB
    StreamKeys streamKeys;

    @EJB
    ChannelLifecycle lifecycle;

    @EJB
    Channels channels;

    @EJB
    Accounts accounts;

    @Inject
    NginxControl nginx;

    @Inject
    Event<PublisherEvicted> evicted;

    @Inject
    Event<PublishDenied> denied;

    @Inject
    DenialNotices notices;

    @EJB
    Transactions transactions;

    private final Clock clock = Clock.systemUTC();

    /**
     * {@code on_publish}: accepted only for the current key of a broadcaster with an open channel
     * (CREATED, or RECONNECTING within its window) on which nobody publishes yet. Accepting starts
     * a publish and moves the channel to LIVE (StreamStarted or StreamResumed).
     */
    public Optional<PublishRefused> publish(PublishCall call) {
        Optional<StreamKey> key = streamKeys.verified(call.name(), call.key());
        if (key.isEmpty()) {
            return refuse(call, PublishRefused.keyRefused(), streamKeys.accountNamed(call.name()).orElse(null), null);
        }
        String accountId = key.get().accountId();
        if (accounts.find(accountId).map(Account::disabled).orElse(true)) {
            return refuse(call, PublishRefused.accountDisabled(), accountId, null);
        }
        Optional<Channel> open = lifecycle.lockUnfinishedOf(accountId);
        if (open.isEmpty()) {
            return refuse(call, PublishRefused.noOpenChannel(), accountId, null);
        }
        Channel channel = open.get();
        Optional<Publish> active = activeOn(call.name());
        if (active.isPresent() && active.get().isPublish(call.name(), call.clientId())) {
            return Optional.empty(); // the same publish asked twice: already accepted
        }
        if (channel.state() == ChannelState.RECONNECTING && !lifecycle.withinReconnectWindow(channel)) {
            lifecycle.end(channel, EndReason.RECONNECT_TIMEOUT, active.map(Publish::id).orElse(null));
            return refuse(call, PublishRefused.noOpenChannel(), accountId, null);
        }
        if (active.isPresent()) {
            Publish previous = active.get();
            if (stillPublishing(previous)) {
                return refuse(call, PublishRefused.alreadyPublishing(), accountId, channel.id());
            }
            previous.end(PublishEnd.PUBLISHER_REPLACED, clock.instant());
            if (channel.state() == ChannelState.LIVE && previous.channelId().equals(channel.id())) {
                lifecycle.interrupt(channel, previous.id(), InterruptionReason.PUBLISHER_REPLACED);
            }
        } else if (channel.state() == ChannelState.LIVE) {
            lifecycle.interrupt(channel, null, InterruptionReason.PUBLISHER_REPLACED);
        }
        em.flush();
        Publish publish = new Publish(channel.id(), key.get().accountId(), call.name(), call.clientId(),
                call.address(), key.get().secretHash(), clock.instant());
        em.persist(publish);
        em.flush();
        if (channel.state() == ChannelState.CREATED) {
            lifecycle.start(channel, publish.id(), publish.streamName());
        } else {
            lifecycle.resume(channel, publish.id(), publish.streamName());
        }
        LOG.log(Level.INFO, "Publish accepted: stream {0}, client {1}, channel {2}, publish {3}",
                new Object[] {call.name(), call.clientId(), channel.id(), publish.id()});
        return Optional.empty();
    }

    /**
     * {@code on_update}: the publish may go on while its publish is active, its channel LIVE and
     * its key not rotated since it started. Reads only.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<PublishRefused> update(PublishCall call) {
        Optional<Publish> publish = activeOn(call.name()).filter(s -> s.isPublish(call.name(), call.clientId()));
        if (publish.isEmpty()) {
            return refuse(call, PublishRefused.publishOver("OnAir knows no active publish for this client."));
        }
        Channel channel = channels.find(publish.get().channelId());
        if (channel.state() != ChannelState.LIVE) {
            return refuse(call, PublishRefused.publishOver("The channel is no longer live."));
        }
        Optional<StreamKey> key = streamKeys.find(publish.get().accountId());
        if (key.isEmpty() || !key.get().secretHash().equals(publish.get().keyHash())) {
            return refuse(call, PublishRefused.keyRefused());
        }
        return Optional.empty();
    }

    /**
     * {@code on_publish_done}: the publisher left. Its publish ends and a LIVE channel goes
     * RECONNECTING; a done for a publish that already ended (late, duplicated, or after OnAir
     * ended it) changes nothing.
     */
    public void publishDone(PublishCall call) {
        activeOn(call.name()).filter(s -> s.isPublish(call.name(), call.clientId()))
                .ifPresent(publish -> endPublish(publish.id(), PublishEnd.PUBLISHER_LEFT, false));
    }

    /** {@link #end}, and with {@code evict} nginx is told to drop the publisher after commit. */
    private boolean endPublish(String publishId, PublishEnd reason, boolean evict) {
        Publish found = em.find(Publish.class, publishId);
        if (found == null || !found.active()) {
            return false;
        }
        Channel channel = lifecycle.lock(found.channelId());
        em.refresh(found);
        if (!found.active()) {
            return false;
        }
        found.end(reason, clock.instant());
        em.flush();
        if (channel.state() == ChannelState.LIVE && reason.interruption().isPresent()) {
            lifecycle.interrupt(channel, found.id(), reason.interruption().get());
        }
        if (evict) {
            evicted.fire(new PublisherEvicted(found.streamName(), found.clientId(), reason));
        }
        LOG.log(Level.INFO, "Publish {0} on stream {1} ended: {2}", new Object[] {publishId, found.streamName(), reason});
        return true;
    }

    /** Ends every active publish, each in its own transaction (nginx restarted: none of them is publishing). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int endAll(PublishEnd reason) {
        int ended = 0;
        for (Publish publish : active()) {
            try {
                ended += transactions.inNewTransaction(() -> endPublish(publish.id(), reason, false)) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not end publish " + publish.id(), e);
            }
        }
        return ended;
    }

    /**
     * Ends publish {@code publishId} for {@code reason} if it is still active, moving its LIVE
     * channel to RECONNECTING; nginx keeps its publisher (it has none left, or will learn otherwise).
     */
    public boolean end(String publishId, PublishEnd reason) {
        return endPublish(publishId, reason, false);
    }

    /** Every active publish, oldest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Publish> active() {
        return em.createNamedQuery(Publish.ACTIVE, Publish.class).getResultList();
    }

    /** The channel's publishes, oldest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Publish> publishesOf(String channelId) {
        return em.createNamedQuery(Publish.OF_CHANNEL, Publish.class)
                .setParameter("channel", channelId).getResultList();
    }

    /** The channel ended (in the same transaction): its publish ends too, and nginx drops the publisher after commit. */
    public void onStreamEnded(@Observes StreamEnded ended) {
        for (Publish publish : em.createNamedQuery(Publish.ACTIVE_OF_CHANNEL, Publish.class)
                .setParameter("channel", ended.channelId()).getResultList()) {
            publish.end(PublishEnd.CHANNEL_ENDED, ended.at());
            evicted.fire(new PublisherEvicted(publish.streamName(), publish.clientId(), PublishEnd.CHANNEL_ENDED));
        }
        em.flush();
    }

    /** The key was rotated (in the same transaction): a publish under the old secret ends now. */
    public void onKeyRotated(@Observes StreamKeyRotated rotated) {
        activeOn(rotated.publicName()).ifPresent(publish -> endPublish(publish.id(), PublishEnd.KEY_ROTATED, true));
    }

    private Optional<Publish> activeOn(String streamName) {
        return em.createNamedQuery(Publish.ACTIVE_ON, Publish.class)
                .setParameter("name", streamName)
                .getResultStream()
                .findFirst();
    }

    /**
     * Whether nginx still lists {@code publish}'s client as the publisher of its stream. Asked only
     * when a second publish arrives for a stream with an active publish. When nginx cannot be
     * asked, the answer is yes: a publish is never accepted on a guess.
     */
    private boolean stillPublishing(Publish publish) {
        if (!nginx.enabled()) {
            return true;
        }
        try {
            RtmpStat stat = nginx.stat();
            return stat.stream(publish.streamName())
                    .flatMap(RtmpStat.Stream::publisherId)
                    .filter(publish.clientId()::equals)
                    .isPresent();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "nginx statistics unavailable while deciding a second publish: {0}", e.toString());
            return true;
        }
    }

    private static Optional<PublishRefused> refuse(PublishCall call, PublishRefused refusal) {
        LOG.log(Level.INFO, "Refused {0}: {1}", new Object[] {call, refusal.type()});
        return Optional.of(refusal);
    }

    /**
     * A refused publish of {@code accountId}'s (null: a stream name no key has), whose channel is
     * {@code channelId} when it has one: logged, and told ({@link PublishDenied}, in this
     * transaction) unless the same was told lately ({@link DenialNotices}).
     */
    private Optional<PublishRefused> refuse(PublishCall call, PublishRefused refusal, String accountId, String channelId) {
        Instant now = clock.instant();
        if (accountId != null && notices.tell(accountId, refusal.type(), now)) {
            denied.fire(new PublishDenied(accountId, channelId, refusal.type(), now));
        }
        return refuse(call, refusal);
    }
}
