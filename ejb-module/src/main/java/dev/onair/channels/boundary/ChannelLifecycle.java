package dev.onair.channels.boundary;

import dev.onair.accounts.entity.AccountDisabled;
import dev.onair.accounts.entity.Caller;
import dev.onair.channels.control.ChannelConfig;
import dev.onair.channels.entity.Channel;
import dev.onair.channels.entity.ChannelState;
import dev.onair.channels.entity.EndReason;
import dev.onair.channels.entity.InterruptionReason;
import dev.onair.channels.entity.StreamEnded;
import dev.onair.channels.entity.StreamEvent;
import dev.onair.channels.entity.StreamEventRecord;
import dev.onair.channels.entity.StreamInterrupted;
import dev.onair.channels.entity.StreamResumed;
import dev.onair.channels.entity.StreamStarted;
import dev.onair.shared.NotFound;
import dev.onair.shared.Transactions;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where a channel changes state. Each change locks the channel row, checks the
 * move against {@link ChannelState}, journals it ({@code stream_event}) and fires its
 * {@link StreamEvent} inside the transaction, so {@code AFTER_SUCCESS} observers hear of it only
 * once it committed, and a rolled-back change leaves neither a journal line nor a delivered event.
 * An illegal move throws {@link dev.onair.channels.entity.IllegalTransition} and rolls everything back.
 * <p>
 * The publish-driven moves ({@link #start}, {@link #interrupt}, {@link #resume}) take a channel the
 * caller already locked with {@link #lock} in its own transaction; ingest decides when they happen.
 */
@Stateless
public class ChannelLifecycle {

    private static final Logger LOG = Logger.getLogger(ChannelLifecycle.class.getName());

    @PersistenceContext(unitName = "onair")
    EntityManager em;

    @Inject
    Event<StreamEvent> events;

    @EJB
    Transactions transactions;

    @EJB
    ChannelAccess access;

    @Inject
    ChannelConfig settings;

    private final Clock clock = Clock.systemUTC();

    /** Ends the channel on behalf of its owner or an admin. */
    public Channel end(String channelId, Caller caller) {
        Channel channel = access.managed(lock(channelId), caller, "only the channel's broadcaster or an admin may end it");
        boolean owner = caller.owns(channel.ownerId());
        return end(channel, owner ? EndReason.BROADCASTER : EndReason.ADMIN, lastPublishOf(channel));
    }

    /**
     * The broadcaster's account was disabled (in the same transaction): their unfinished channel
     * ends, and with it the publish (ingest drops the encoder once this commits).
     */
    public void onAccountDisabled(@Observes AccountDisabled disabled) {
        lockUnfinishedOf(disabled.accountId())
                .ifPresent(channel -> end(channel, EndReason.ACCOUNT_DISABLED, lastPublishOf(channel)));
    }

    /** The channel with its row locked until the transaction ends. */
    public Channel lock(String channelId) {
        Channel channel = em.find(Channel.class, channelId, LockModeType.PESSIMISTIC_WRITE);
        if (channel == null) {
            throw new NotFound("no channel " + channelId);
        }
        return channel;
    }

    /** The owner's unfinished channel, locked, if any. */
    public Optional<Channel> lockUnfinishedOf(String ownerId) {
        return em.createNamedQuery(Channel.UNFINISHED_OF, Channel.class)
                .setParameter("owner", ownerId)
                .getResultStream()
                .findFirst()
                .map(found -> lock(found.id()))
                .filter(locked -> locked.state().unfinished() && locked.ownerId().equals(ownerId));
    }

    /** CREATED to LIVE in publish {@code publishId}, whose media goes to {@code folder}. */
    public void start(Channel locked, String publishId, String folder) {
        Instant now = move(locked, ChannelState.LIVE);
        fire(new StreamStarted(locked.id(), locked.ownerId(), publishId, folder, locked.visibility(), now));
    }

    /** RECONNECTING to LIVE in the new publish {@code publishId}, whose media goes to {@code folder}. */
    public void resume(Channel locked, String publishId, String folder) {
        Instant now = move(locked, ChannelState.LIVE);
        fire(new StreamResumed(locked.id(), locked.ownerId(), publishId, folder, now));
    }

    /** LIVE to RECONNECTING: publish {@code publishId} ended for {@code reason}. */
    public void interrupt(Channel locked, String publishId, InterruptionReason reason) {
        Instant now = move(locked, ChannelState.RECONNECTING);
        fire(new StreamInterrupted(locked.id(), locked.ownerId(), publishId, reason, now));
    }

    /** Whether a RECONNECTING channel is still within its reconnect window. */
    public boolean withinReconnectWindow(Channel channel) {
        return channel.state() == ChannelState.RECONNECTING && channel.interruptedAt() != null
                && clock.instant().isBefore(channel.interruptedAt().plus(settings.reconnectWindow()));
    }

    /** Any unfinished state to ENDED. */
    public Channel end(Channel locked, EndReason reason, String lastPublishId) {
        ChannelState previous = locked.state();
        Instant now = clock.instant();
        locked.end(reason, now);
        em.flush();
        fire(new StreamEnded(locked.id(), locked.ownerId(), lastPublishId, previous, reason, now));
        return locked;
    }

    /**
     * Ends what is overdue: channels RECONNECTING for longer than the reconnect window, and
     * broadcasts longer than the maximum length. Each channel in its own transaction, so one
     * failure holds up no other. Returns how many ended.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int endOverdue() {
        Instant now = clock.instant();
        int ended = 0;
        for (String id : ids(Channel.RECONNECTING_SINCE, now.minus(settings.reconnectWindow()))) {
            ended += transactions.inNewTransaction(() -> endIfOverdue(id, EndReason.RECONNECT_TIMEOUT)) ? 1 : 0;
        }
        for (String id : ids(Channel.ON_AIR_SINCE, now.minus(settings.maxBroadcast()))) {
            ended += transactions.inNewTransaction(() -> endIfOverdue(id, EndReason.MAX_LENGTH)) ? 1 : 0;
        }
        return ended;
    }

    private List<String> ids(String query, Instant before) {
        return em.createNamedQuery(query, String.class).setParameter("before", before).getResultList();
    }

    /** Ends the channel for {@code reason} if, once locked, it is still overdue for it. */
    private boolean endIfOverdue(String channelId, EndReason reason) {
        Channel channel = em.find(Channel.class, channelId, LockModeType.PESSIMISTIC_WRITE);
        if (channel == null || !channel.state().onAir()) {
            return false;
        }
        Instant now = clock.instant();
        boolean overdue = switch (reason) {
            case RECONNECT_TIMEOUT -> channel.state() == ChannelState.RECONNECTING && !withinReconnectWindow(channel);
            case MAX_LENGTH -> channel.startedAt() != null && !now.isBefore(channel.startedAt().plus(settings.maxBroadcast()));
            default -> false;
        };
        if (!overdue) {
            return false;
        }
        LOG.log(Level.INFO, "Ending channel {0} ({1})", new Object[] {channelId, reason.code()});
        end(channel, reason, lastPublishOf(channel));
        return true;
    }

    /** The id of the channel's latest journaled publish, or null if it never went live. */
    String lastPublishOf(Channel channel) {
        if (channel.startedAt() == null) {
            return null;
        }
        return em.createNamedQuery(StreamEventRecord.OF_CHANNEL, StreamEventRecord.class)
                .setParameter("channel", channel.id())
                .getResultList().stream()
                .map(StreamEventRecord::publishId)
                .filter(id -> id != null)
                .reduce((first, second) -> second)
                .orElse(null);
    }

    /** The journal of the channel, oldest first, for its broadcaster or an admin only. */
    public List<StreamEventRecord> journalOf(String channelId, Caller caller) {
        Channel channel = access.managed(channelId, caller, "only the channel's broadcaster or an admin may see this");
        return em.createNamedQuery(StreamEventRecord.OF_CHANNEL, StreamEventRecord.class)
                .setParameter("channel", channel.id())
                .getResultList();
    }

    private Instant move(Channel locked, ChannelState target) {
        Instant now = clock.instant();
        locked.moveTo(target, now);
        em.flush();
        return now;
    }

    private void fire(StreamEvent event) {
        em.persist(new StreamEventRecord(event));
        em.flush();
        events.fire(event);
    }
}
