package dev.onair.ingest.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * A broadcaster's stream key, without its secret: the public name, the salt the secret is
 * derived from, and the secret's SHA-256.
 */
@Entity
@Table(name = "stream_key")
@NamedQuery(name = StreamKey.BY_PUBLIC_NAME, query = "SELECT k FROM StreamKey k WHERE k.publicName = :name")
public class StreamKey {

    public static final String BY_PUBLIC_NAME = "StreamKey.byPublicName";

    @Id
    @Column(name = "account_id", length = 36)
    private String accountId;

    @Column(name = "public_name", nullable = false, updatable = false)
    private String publicName;

    @Column(name = "salt", nullable = false)
    private String salt;

    @Column(name = "secret_hash", nullable = false)
    private String secretHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "rotated_at", nullable = false)
    private Instant rotatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected StreamKey() {
    }

    public StreamKey(String accountId, String publicName, String salt, String secretHash, Instant now) {
        this.accountId = accountId;
        this.publicName = publicName;
        this.salt = salt;
        this.secretHash = secretHash;
        this.createdAt = now;
        this.rotatedAt = now;
    }

    public String accountId() { return accountId; }

    public String publicName() { return publicName; }

    public String salt() { return salt; }

    public String secretHash() { return secretHash; }

    public Instant createdAt() { return createdAt; }

    public Instant rotatedAt() { return rotatedAt; }

    /** Replaces the secret; the old one stops matching as soon as this commits. */
    public void rotate(String newSalt, String newSecretHash, Instant now) {
        this.salt = newSalt;
        this.secretHash = newSecretHash;
        this.rotatedAt = now;
    }
}
