package dev.onair.channels.boundary;

import dev.onair.accounts.entity.Caller;
import dev.onair.channels.entity.Channel;
import dev.onair.channels.entity.ChannelEnded;
import dev.onair.channels.entity.ChannelState;
import dev.onair.shared.Forbidden;
import dev.onair.shared.NotFound;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;

/**
 * The one place where a channel changes state. Each change locks the channel row, checks the
 * move against {@link ChannelState}, and fires its event inside the transaction, so
 * {@code AFTER_SUCCESS} observers hear of it only once it committed. An illegal move throws
 * {@link dev.onair.channels.entity.IllegalTransition} and rolls everything back.
 */
@Stateless
public class ChannelLifecycle {

    @PersistenceContext(unitName = "onair")
    EntityManager em;

    @Inject
    Event<ChannelEnded> ended;

    private final Clock clock = Clock.systemUTC();

    /** Ends the channel on behalf of its owner or an admin. */
    public Channel end(String channelId, Caller caller) {
        Channel channel = lock(channelId);
        if (!caller.owns(channel.ownerId()) && !caller.admin()) {
            throw new Forbidden("only the channel's broadcaster or an admin may end it");
        }
        ChannelState previous = channel.state();
        channel.moveTo(ChannelState.ENDED, clock.instant());
        em.flush();
        ended.fire(new ChannelEnded(channel.id(), channel.ownerId(), previous, channel.endedAt()));
        return channel;
    }

    private Channel lock(String channelId) {
        Channel channel = em.find(Channel.class, channelId, LockModeType.PESSIMISTIC_WRITE);
        if (channel == null) {
            throw new NotFound("no channel " + channelId);
        }
        return channel;
    }
}
