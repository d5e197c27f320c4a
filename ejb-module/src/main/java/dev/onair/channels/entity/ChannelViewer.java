package dev.onair.channels.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** An account the broadcaster of a private channel allows to watch it. */
@Entity
@Table(name = "channel_viewer")
@IdClass(ChannelViewer.Key.class)
@NamedQuery(name = ChannelViewer.OF_CHANNEL,
        query = "SELECT v FROM ChannelViewer v WHERE v.channelId = :channel ORDER BY v.addedAt, v.accountId")
@NamedQuery(name = ChannelViewer.COUNT_OF_CHANNEL,
        query = "SELECT COUNT(v) FROM ChannelViewer v WHERE v.channelId = :channel")
@NamedQuery(name = ChannelViewer.CHANNELS_OF_AMONG,
        query = "SELECT v.channelId FROM ChannelViewer v WHERE v.accountId = :account AND v.channelId IN :channels")
public class ChannelViewer {

    public static final String OF_CHANNEL = "ChannelViewer.ofChannel";
    public static final String COUNT_OF_CHANNEL = "ChannelViewer.countOfChannel";
    public static final String CHANNELS_OF_AMONG = "ChannelViewer.channelsOfAmong";
    /** Viewers one channel may list, at most. */
    public static final int MAX_PER_CHANNEL = 1000;

    @Id
    @Column(name = "channel_id", length = 36)
    private String channelId;

    @Id
    @Column(name = "account_id", length = 36)
    private String accountId;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    protected ChannelViewer() {
    }

    public ChannelViewer(String channelId, String accountId, Instant addedAt) {
        this.channelId = channelId;
        this.accountId = accountId;
        this.addedAt = addedAt;
    }

    public String channelId() { return channelId; }

    public String accountId() { return accountId; }

    public Instant addedAt() { return addedAt; }

    /** The composite primary key. */
    public static class Key implements Serializable {
        private String channelId;
        private String accountId;

        public Key() {
        }

        public Key(String channelId, String accountId) {
            this.channelId = channelId;
            this.accountId = accountId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(channelId, k.channelId) && Objects.equals(accountId, k.accountId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(channelId, accountId);
        }
    }
}
