package dev.onair.channels.boundary;

import dev.onair.accounts.boundary.Accounts;
import dev.onair.accounts.entity.Account;
import dev.onair.accounts.entity.Caller;
import dev.onair.channels.entity.Channel;
import dev.onair.channels.entity.ChannelChanges;
import dev.onair.channels.entity.ChannelDraft;
import dev.onair.channels.entity.ChannelOpened;
import dev.onair.channels.entity.ChannelUpdated;
import dev.onair.channels.entity.OpenChannelExists;
import dev.onair.channels.entity.VisibilityLocked;
import dev.onair.shared.ConcurrentUpdate;
import dev.onair.shared.Conflicts;
import dev.onair.shared.Forbidden;
import dev.onair.shared.NotFound;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Opening, finding, listing and editing channels. State changes go through {@link ChannelLifecycle}. */
@Stateless
public class Channels {


    @PersistenceContext(unitName = "onair")
    EntityManager em;

    @EJB
    Accounts accounts;

    @Inject
    Event<ChannelOpened> opened;

    @Inject
    Event<ChannelUpdated> updated;

    @EJB
    ChannelAccess access;

    private final Clock clock = Clock.systemUTC();

    /** The owner's unfinished channel (CREATED, LIVE or RECONNECTING), if any. */
    public Optional<Channel> unfinishedOf(String ownerId) {
        return em.createNamedQuery(Channel.UNFINISHED_OF, Channel.class)
                .setParameter("owner", ownerId)
                .getResultStream()
                .findFirst();
    }

    /**
     * Opens a new channel for {@code ownerId}. Refused with {@link OpenChannelExists} when the owner
     * already has an unfinished channel; when a concurrent request won the race, the refusal carries
     * no id yet (the winner has not committed) and {@link Studio} names it.
     */
    public Channel open(String ownerId, ChannelDraft draft) {
        unfinishedOf(ownerId).ifPresent(existing -> {
            throw new OpenChannelExists(existing.id());
        });
        Account owner = accounts.find(ownerId).orElseThrow(() -> new NotFound("no account " + ownerId));
        Channel channel = new Channel(owner, draft, clock.instant());
        try {
            em.persist(channel);
            em.flush();
        } catch (PersistenceException e) {
            if (Conflicts.isUniqueViolation(e)) {
                throw new OpenChannelExists(null);
            }
            throw e;
        }
        opened.fire(new ChannelOpened(channel.id(), ownerId, channel.title(), channel.visibility(), channel.createdAt()));
        return channel;
    }

    public Channel find(String id) {
        Channel channel = id == null ? null : em.find(Channel.class, id);
        if (channel == null) {
            throw new NotFound("no channel " + id);
        }
        return channel;
    }

    /** Applies an edit by the channel's owner. */
    public Channel edit(String id, Caller caller, ChannelChanges changes) {
        Channel channel = access.managed(id, caller, "only the channel's broadcaster may edit it");
        if (!caller.owns(channel.ownerId())) {
            throw new Forbidden("only the channel's broadcaster may edit it");
        }
        if (changes.visibility().filter(v -> v != channel.visibility()).isPresent() && channel.startedAt() != null) {
            throw new VisibilityLocked(channel.visibility());
        }
        Instant now = clock.instant();
        channel.apply(changes, now);
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentUpdate("channel " + id);
        }
        List<String> fields = new ArrayList<>();
        changes.title().ifPresent(t -> fields.add("title"));
        changes.description().ifPresent(d -> fields.add("description"));
        changes.visibility().ifPresent(v -> fields.add("visibility"));
        if (!fields.isEmpty()) {
            updated.fire(new ChannelUpdated(channel.id(), channel.ownerId(), fields, now));
        }
        return channel;
    }
}
