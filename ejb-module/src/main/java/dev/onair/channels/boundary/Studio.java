package dev.onair.channels.boundary;

import dev.onair.accounts.entity.Caller;
import dev.onair.channels.entity.Channel;
import dev.onair.channels.entity.ChannelDraft;
import dev.onair.channels.entity.OpenChannelExists;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * The broadcaster's entry point: returns to the unfinished channel, or opens a new one. A plain
 * CDI bean, deliberately outside any transaction: each call to {@link Channels} is its own
 * transaction, so a lost race can be answered with the channel that won it.
 */
@ApplicationScoped
public class Studio {

    private static final int ATTEMPTS = 3;

    @EJB
    Channels channels;

    public Optional<Channel> enter(Caller caller) {
        return channels.unfinishedOf(caller.accountId());
    }

    public Channel open(Caller caller, ChannelDraft draft) {
        OpenChannelExists refusal = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return channels.open(caller.accountId(), draft);
            } catch (OpenChannelExists e) {
                if (e.channelId() != null) {
                    throw e;
                }
                refusal = e;
                Optional<Channel> winner = channels.unfinishedOf(caller.accountId());
                if (winner.isPresent()) {
                    throw new OpenChannelExists(winner.get().id());
                }
                // The winner ended between its insert and our look-up: try again.
            }
        }
        throw refusal;
    }
}
