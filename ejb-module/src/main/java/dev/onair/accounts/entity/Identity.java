package dev.onair.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** An account's identity at one sign-in provider: (provider, subject) names exactly one account. */
@Entity
@Table(name = "account_identity")
@IdClass(Identity.Key.class)
@NamedQuery(name = Identity.OF_ACCOUNT, query = "SELECT i FROM Identity i WHERE i.accountId = :account")
public class Identity {

    public static final String OF_ACCOUNT = "Identity.ofAccount";

    @Id
    @Column(name = "provider", length = 40)
    private String provider;

    @Id
    @Column(name = "subject", length = 255)
    private String subject;

    @Column(name = "account_id", nullable = false, length = 36)
    private String accountId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Identity() {
    }

    public Identity(String provider, String subject, String accountId, Instant createdAt) {
        this.provider = provider;
        this.subject = subject;
        this.accountId = accountId;
        this.createdAt = createdAt;
    }

    public String accountId() { return accountId; }

    /** {@code provider:subject}, the form {@code onair.admins} lists. */
    public String key() { return provider + ":" + subject; }

    /** The composite primary key. */
    public static class Key implements Serializable {
        private String provider;
        private String subject;

        public Key() {
        }

        public Key(String provider, String subject) {
            this.provider = provider;
            this.subject = subject;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(provider, k.provider) && Objects.equals(subject, k.subject);
        }

        @Override
        public int hashCode() {
            return Objects.hash(provider, subject);
        }
    }
}
