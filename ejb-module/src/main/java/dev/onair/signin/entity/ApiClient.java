package dev.onair.signin.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.List;

/**
 * An API client: a program that acts for its owner's account within its {@link Scopes}, with an
 * OAuth 2.0 client id ({@link #id()}) and secret (client credentials, RFC 6749 section 4.4). Only
 * the secret's SHA-256 is stored; the secret is shown once, when the client is created and at each
 * rotation. Revoking keeps the row, so the id is never reused and the client's history stays.
 */
@Entity
@Table(name = "api_client")
@NamedQuery(name = ApiClient.OF_ACCOUNT,
        query = "SELECT c FROM ApiClient c WHERE c.accountId = :account ORDER BY c.createdAt DESC, c.id")
@NamedQuery(name = ApiClient.COUNT_ACTIVE_OF_ACCOUNT,
        query = "SELECT COUNT(c) FROM ApiClient c WHERE c.accountId = :account AND c.revokedAt IS NULL")
@NamedQuery(name = ApiClient.MARK_USED, // a bulk update: concurrent uses (several nodes) never conflict on the version
        query = "UPDATE ApiClient c SET c.lastUsedAt = :at WHERE c.id = :id AND (c.lastUsedAt IS NULL OR c.lastUsedAt < :at)")
public class ApiClient {

    public static final String OF_ACCOUNT = "ApiClient.ofAccount";
    public static final String COUNT_ACTIVE_OF_ACCOUNT = "ApiClient.countActiveOfAccount";
    public static final String MARK_USED = "ApiClient.markUsed";
    /** The longest name a client may have, in characters (code points: the column holds twice as many UTF-16 units). */
    public static final int NAME_MAX = 100;

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "account_id", nullable = false, length = 36)
    private String accountId;

    @Column(name = "name", nullable = false, length = 2 * NAME_MAX)
    private String name;

    /** The scopes, space-separated in {@link Scopes#ALL}'s order. */
    @Column(name = "scopes", nullable = false, length = 200)
    private String scopes;

    @Column(name = "secret_hash", nullable = false, length = 64)
    private String secretHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "secret_rotated_at")
    private Instant secretRotatedAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ApiClient() {
    }

    public ApiClient(String id, String accountId, String name, List<String> scopes, String secretHash, Instant createdAt) {
        this.id = id;
        this.accountId = accountId;
        this.name = name;
        this.scopes = Scopes.join(scopes);
        this.secretHash = secretHash;
        this.createdAt = createdAt;
    }

    public String id() { return id; }

    public String accountId() { return accountId; }

    public String name() { return name; }

    public List<String> scopes() { return Scopes.split(scopes); }

    public String secretHash() { return secretHash; }

    public Instant createdAt() { return createdAt; }

    public Instant secretRotatedAt() { return secretRotatedAt; }

    public Instant lastUsedAt() { return lastUsedAt; }

    public Instant revokedAt() { return revokedAt; }

    public boolean revoked() { return revokedAt != null; }

    public void rotateSecret(String newHash, Instant at) {
        this.secretHash = newHash;
        this.secretRotatedAt = at;
    }

    public void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }
}
