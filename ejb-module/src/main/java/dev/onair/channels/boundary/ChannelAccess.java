package dev.onair.channels.boundary;

import dev.onair.accounts.boundary.Accounts;
import dev.onair.accounts.entity.Account;
import dev.onair.accounts.entity.Caller;
import dev.onair.channels.entity.Access;
import dev.onair.channels.entity.AllowedViewer;
import dev.onair.channels.entity.Channel;
import dev.onair.channels.entity.ChannelState;
import dev.onair.channels.entity.ChannelViewer;
import dev.onair.channels.entity.IssuedShareLink;
import dev.onair.channels.entity.ShareLink;
import dev.onair.channels.entity.Viewer;
import dev.onair.channels.entity.Visibility;
import dev.onair.channels.entity.VisibleChannel;
import dev.onair.shared.Digests;
import dev.onair.shared.Forbidden;
import dev.onair.shared.Ids;
import dev.onair.shared.InvalidInput;
import dev.onair.shared.NotFound;
import dev.onair.shared.Page;
import dev.onair.shared.PageRequest;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may see what: the one place that decides whether a viewer may list, read and play a
 * channel, and whether a caller may manage it. A public channel is for everybody. A private one is
 * for its broadcaster, the admins, the accounts the broadcaster allowed and the holder of its
 * current share link; to anyone else it does not exist (404, never its title). Every operation on
 * a channel asks here first, so the web tier cannot forget a rule.
 */
@Stateless
public class ChannelAccess {

    private static final int SHARE_TOKEN_BYTES = 32;

    @PersistenceContext(unitName = "onair")
    EntityManager em;

    @EJB
    Accounts accounts;

    private final Clock clock = Clock.systemUTC();

    /**
     * The channel and how {@code viewer} may see it; {@link NotFound} when they may not, exactly as
     * for a channel that does not exist.
     */
    public VisibleChannel visible(String channelId, Viewer viewer) {
        Channel channel = find(channelId);
        Access access = accessTo(channel, viewer);
        if (!access.granted()) {
            throw notFound(channelId);
        }
        return new VisibleChannel(channel, access);
    }

    /** How {@code viewer} may see {@code channel}. */
    public Access accessTo(Channel channel, Viewer viewer) {
        return accessTo(List.of(channel), viewer).get(channel.id());
    }

    /** How {@code viewer} may see each of {@code channels}, by channel id; one query for the allow-lists. */
    public Map<String, Access> accessTo(List<Channel> channels, Viewer viewer) {
        Map<String, Access> access = new HashMap<>();
        Optional<Caller> caller = viewer.caller();
        Set<String> allowed = caller.map(c -> allowedAmong(c.accountId(), channels)).orElse(Set.of());
        for (Channel channel : channels) {
            access.put(channel.id(), decide(channel, caller, allowed.contains(channel.id()), viewer.shareToken()));
        }
        return access;
    }

    private Access decide(Channel channel, Optional<Caller> caller, boolean allowedViewer, Optional<String> shareToken) {
        if (caller.isPresent() && caller.get().owns(channel.ownerId())) {
            return new Access(Access.Grant.OWNER, caller.get().accountId());
        }
        if (caller.isPresent() && caller.get().admin()) {
            return new Access(Access.Grant.ADMIN, caller.get().accountId());
        }
        if (channel.visibility() == Visibility.PUBLIC) {
            return Access.PUBLIC;
        }
        if (allowedViewer) {
            return new Access(Access.Grant.ALLOWED, caller.get().accountId());
        }
        if (shareToken.isPresent()) {
            ShareLink link = em.find(ShareLink.class, channel.id());
            String presented = Digests.sha256Hex(shareToken.get());
            if (link != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.US_ASCII),
                    link.tokenHash().getBytes(StandardCharsets.US_ASCII))) {
                return new Access(Access.Grant.SHARE_LINK, "share:" + link.tokenHash());
            }
        }
        return Access.NONE;
    }

    /**
     * Channels in any of {@code states} that {@code viewer} may see, the most recently started or
     * ended first: public ones, and the private ones of their own, allowed to them, or (admins) all.
     */
    public Page<Channel> list(Set<ChannelState> states, PageRequest request, Viewer viewer) {
        boolean all = viewer.caller().map(Caller::admin).orElse(false);
        String account = viewer.caller().map(Caller::accountId).orElse("");
        long total = (all ? em.createNamedQuery(Channel.COUNT_IN_STATES, Long.class)
                : em.createNamedQuery(Channel.COUNT_VISIBLE_IN_STATES, Long.class).setParameter("viewer", account))
                .setParameter("states", states)
                .getSingleResult();
        var items = (all ? em.createNamedQuery(Channel.IN_STATES, Channel.class)
                : em.createNamedQuery(Channel.VISIBLE_IN_STATES, Channel.class).setParameter("viewer", account))
                .setParameter("states", states)
                .setFirstResult(request.first())
                .setMaxResults(request.size())
                .getResultList();
        return new Page<>(items, request.page(), request.size(), total);
    }

    /**
     * The channel, for an operation only its broadcaster or an admin may do: {@link NotFound} for
     * a caller who may not even see it, {@link Forbidden} ({@code detail}) for one who may see it
     * but not manage it.
     */
    public Channel managed(String channelId, Caller caller, String detail) {
        return managed(find(channelId), caller, detail);
    }

    /** {@link #managed(String, Caller, String)} for a channel already at hand (locked by the caller). */
    public Channel managed(Channel channel, Caller caller, String detail) {
        Access access = accessTo(channel, Viewer.of(caller));
        if (!access.granted()) {
            throw notFound(channel.id());
        }
        if (!access.manages()) {
            throw new Forbidden(detail);
        }
        return channel;
    }

    /** The accounts allowed to watch the channel, oldest first (its broadcaster or an admin asks). */
    public List<AllowedViewer> viewers(String channelId, Caller caller) {
        Channel channel = managed(channelId, caller, "only the channel's broadcaster or an admin may see its viewers");
        return em.createNamedQuery(ChannelViewer.OF_CHANNEL, ChannelViewer.class).setParameter("channel", channel.id())
                .getResultList().stream().map(this::shown).toList();
    }

    /** Allows {@code accountId} to watch the channel; allowing someone twice changes nothing. */
    public AllowedViewer allow(String channelId, Caller caller, String accountId) {
        Channel channel = managed(lock(channelId), caller, "only the channel's broadcaster or an admin may allow viewers");
        if (!Ids.isId(accountId) || accounts.find(accountId).isEmpty()) {
            throw InvalidInput.of("accountId", "is not an account");
        }
        ChannelViewer existing = em.find(ChannelViewer.class, new ChannelViewer.Key(channel.id(), accountId));
        if (existing != null) {
            return shown(existing);
        }
        long count = em.createNamedQuery(ChannelViewer.COUNT_OF_CHANNEL, Long.class).setParameter("channel", channel.id())
                .getSingleResult();
        if (count >= ChannelViewer.MAX_PER_CHANNEL) {
            throw InvalidInput.of("accountId", "a channel allows at most " + ChannelViewer.MAX_PER_CHANNEL + " viewers");
        }
        ChannelViewer viewer = new ChannelViewer(channel.id(), accountId, clock.instant());
        em.persist(viewer);
        em.flush();
        return shown(viewer);
    }

    private AllowedViewer shown(ChannelViewer viewer) {
        Account account = accounts.find(viewer.accountId()).orElseThrow();
        return new AllowedViewer(viewer.accountId(), account.displayName(), account.avatarUrl(), viewer.addedAt());
    }

    /** Withdraws {@code accountId}'s access: from now on they get no channel, no URL and no signature. */
    public void withdraw(String channelId, Caller caller, String accountId) {
        Channel channel = managed(lock(channelId), caller, "only the channel's broadcaster or an admin may withdraw viewers");
        ChannelViewer viewer = accountId == null ? null : em.find(ChannelViewer.class, new ChannelViewer.Key(channel.id(), accountId));
        if (viewer == null) {
            throw new NotFound("no viewer " + accountId + " of channel " + channel.id());
        }
        em.remove(viewer);
        em.flush();
    }

    /** When the channel's share link was made, if it has one. */
    public Optional<Instant> shareLinkCreatedAt(String channelId, Caller caller) {
        Channel channel = managed(channelId, caller, "only the channel's broadcaster or an admin may see its share link");
        return Optional.ofNullable(em.find(ShareLink.class, channel.id())).map(ShareLink::createdAt);
    }

    /** A new share link token for the channel (shown once); the previous one stops working at once. */
    public IssuedShareLink rotateShareLink(String channelId, Caller caller) {
        Channel channel = managed(lock(channelId), caller, "only the channel's broadcaster or an admin may share it");
        String token = Digests.randomToken(SHARE_TOKEN_BYTES);
        Instant now = clock.instant();
        ShareLink link = em.find(ShareLink.class, channel.id());
        if (link == null) {
            em.persist(new ShareLink(channel.id(), Digests.sha256Hex(token), now));
        } else {
            link.rotate(Digests.sha256Hex(token), now);
        }
        em.flush();
        return new IssuedShareLink(channel.id(), token, now);
    }

    /** Withdraws the channel's share link: whoever held it loses access at once. */
    public void withdrawShareLink(String channelId, Caller caller) {
        Channel channel = managed(lock(channelId), caller, "only the channel's broadcaster or an admin may withdraw its share link");
        ShareLink link = em.find(ShareLink.class, channel.id());
        if (link == null) {
            throw new NotFound("channel " + channel.id() + " has no share link");
        }
        em.remove(link);
        em.flush();
    }

    private Set<String> allowedAmong(String accountId, List<Channel> channels) {
        List<String> privateIds = channels.stream().filter(c -> c.visibility() == Visibility.PRIVATE).map(Channel::id).toList();
        if (privateIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createNamedQuery(ChannelViewer.CHANNELS_OF_AMONG, String.class)
                .setParameter("account", accountId).setParameter("channels", privateIds).getResultList());
    }

    private Channel find(String channelId) {
        Channel channel = channelId == null ? null : em.find(Channel.class, channelId);
        if (channel == null) {
            throw notFound(channelId);
        }
        return channel;
    }

    private Channel lock(String channelId) {
        Channel channel = channelId == null ? null : em.find(Channel.class, channelId, LockModeType.PESSIMISTIC_WRITE);
        if (channel == null) {
            throw notFound(channelId);
        }
        return channel;
    }

    private static NotFound notFound(String channelId) {
        return new NotFound("no channel " + channelId);
    }
}
