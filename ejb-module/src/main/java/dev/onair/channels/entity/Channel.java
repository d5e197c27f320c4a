package dev.onair.channels.entity;

import dev.onair.accounts.entity.Account;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** One broadcast: its title, who broadcasts it, who may watch it, and where it is in its lifecycle. */
@Entity
@Table(name = "channel")
@NamedQuery(name = Channel.UNFINISHED_OF,
        query = "SELECT c FROM Channel c JOIN FETCH c.owner WHERE c.openOwnerId = :owner")
@NamedQuery(name = Channel.IN_STATES,
        query = "SELECT c FROM Channel c JOIN FETCH c.owner WHERE c.state IN :states"
                + " ORDER BY COALESCE(c.endedAt, c.startedAt, c.createdAt) DESC, c.id")
@NamedQuery(name = Channel.COUNT_IN_STATES,
        query = "SELECT COUNT(c) FROM Channel c WHERE c.state IN :states")
@NamedQuery(name = Channel.VISIBLE_IN_STATES,
        query = "SELECT c FROM Channel c JOIN FETCH c.owner WHERE c.state IN :states AND " + Channel.VISIBLE_TO_VIEWER
                + " ORDER BY COALESCE(c.endedAt, c.startedAt, c.createdAt) DESC, c.id")
@NamedQuery(name = Channel.COUNT_VISIBLE_IN_STATES,
        query = "SELECT COUNT(c) FROM Channel c WHERE c.state IN :states AND " + Channel.VISIBLE_TO_VIEWER)
@NamedQuery(name = Channel.RECONNECTING_SINCE,
        query = "SELECT c.id FROM Channel c WHERE c.state = dev.onair.channels.entity.ChannelState.RECONNECTING"
                + " AND c.interruptedAt <= :before")
@NamedQuery(name = Channel.ON_AIR_SINCE,
        query = "SELECT c.id FROM Channel c WHERE c.state IN (dev.onair.channels.entity.ChannelState.LIVE,"
                + " dev.onair.channels.entity.ChannelState.RECONNECTING) AND c.startedAt <= :before")
public class Channel {

    public static final String UNFINISHED_OF = "Channel.unfinishedOf";
    public static final String IN_STATES = "Channel.inStates";
    public static final String COUNT_IN_STATES = "Channel.countInStates";
    public static final String VISIBLE_IN_STATES = "Channel.visibleInStates";
    public static final String COUNT_VISIBLE_IN_STATES = "Channel.countVisibleInStates";
    /** Public, the viewer's own, or allowed to the viewer (an account id, or "" for anonymous viewers). */
    static final String VISIBLE_TO_VIEWER = "(c.visibility = dev.onair.channels.entity.Visibility.PUBLIC"
            + " OR c.owner.id = :viewer"
            + " OR EXISTS (SELECT v FROM ChannelViewer v WHERE v.channelId = c.id AND v.accountId = :viewer))";
    public static final String RECONNECTING_SINCE = "Channel.reconnectingSince";
    public static final String ON_AIR_SINCE = "Channel.onAirSince";

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "owner_id", nullable = false, updatable = false)
    private Account owner;

    /** The owner's id while the channel is unfinished, NULL once ENDED (see V1 migration). */
    @Column(name = "open_owner_id", length = 36)
    private String openOwnerId;

    @Column(name = "title", nullable = false)
    private String title;

    @Column(name = "description", nullable = false)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "visibility", nullable = false)
    private Visibility visibility;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private ChannelState state;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    /** When the channel went RECONNECTING; null in any other state. */
    @Column(name = "interrupted_at")
    private Instant interruptedAt;

    @Column(name = "end_reason")
    private String endReason;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Channel() {
    }

    public Channel(Account owner, ChannelDraft draft, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.owner = owner;
        this.openOwnerId = owner.id();
        this.title = draft.title();
        this.description = draft.description();
        this.visibility = draft.visibility();
        this.state = ChannelState.CREATED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public String id() { return id; }

    public Account owner() { return owner; }

    public String ownerId() { return owner.id(); }

    public String title() { return title; }

    public String description() { return description; }

    public Visibility visibility() { return visibility; }

    public ChannelState state() { return state; }

    public Instant createdAt() { return createdAt; }

    /** When the channel first went LIVE, or null. */
    public Instant startedAt() { return startedAt; }

    public Instant endedAt() { return endedAt; }

    public Instant updatedAt() { return updatedAt; }

    /** When the channel went RECONNECTING, or null when it is not. */
    public Instant interruptedAt() { return interruptedAt; }

    /** Why it ended ({@link EndReason#code()}), or null while unfinished. */
    public String endReason() { return endReason; }

    public void apply(ChannelChanges changes, Instant now) {
        changes.title().ifPresent(t -> this.title = t);
        changes.description().ifPresent(d -> this.description = d);
        changes.visibility().ifPresent(v -> this.visibility = v);
        this.updatedAt = now;
    }

    /**
     * Moves to {@code target} or refuses without changing anything. Called only by
     * {@code ChannelLifecycle}, which owns the transitions.
     */
    public void moveTo(ChannelState target, Instant now) {
        if (!state.canMoveTo(target)) {
            throw new IllegalTransition(id, state, target);
        }
        if (target == ChannelState.LIVE && startedAt == null) {
            startedAt = now;
        }
        interruptedAt = target == ChannelState.RECONNECTING ? now : null;
        if (target == ChannelState.ENDED) {
            endedAt = now;
            openOwnerId = null;
        }
        state = target;
        updatedAt = now;
    }

    /** Moves to ENDED for {@code reason}; see {@link #moveTo}. */
    public void end(EndReason reason, Instant now) {
        moveTo(ChannelState.ENDED, now);
        endReason = reason.code();
    }
}
