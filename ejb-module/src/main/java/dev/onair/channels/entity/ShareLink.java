package dev.onair.channels.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A private channel's share link: whoever holds its token may watch. Only the token's SHA-256 is
 * stored, so the link is shown once, when it is made; rotating makes a new token and the old one
 * opens nothing any more.
 */
@Entity
@Table(name = "channel_share_link")
public class ShareLink {

    @Id
    @Column(name = "channel_id", length = 36)
    private String channelId;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ShareLink() {
    }

    public ShareLink(String channelId, String tokenHash, Instant createdAt) {
        this.channelId = channelId;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
    }

    public String channelId() { return channelId; }

    public String tokenHash() { return tokenHash; }

    public Instant createdAt() { return createdAt; }

    public void rotate(String newTokenHash, Instant at) {
        this.tokenHash = newTokenHash;
        this.createdAt = at;
    }
}
