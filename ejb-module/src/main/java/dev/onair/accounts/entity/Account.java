package dev.onair.accounts.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/** A person on OnAir: broadcaster, viewer, or both. */
@Entity
@Table(name = "account")
public class Account {

    public static final int DISPLAY_NAME_MAX = 100;

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "avatar_url")
    private String avatarUrl;

    @Column(name = "email")
    private String email;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "role", nullable = false)
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = new HashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    /** When an admin disabled the account; null while it is enabled. */
    @Column(name = "disabled_at")
    private Instant disabledAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Account() {
    }

    public Account(String id, String displayName, String email, String avatarUrl, Set<Role> roles, Instant createdAt) {
        this.id = id;
        this.displayName = displayName;
        this.email = email;
        this.avatarUrl = avatarUrl;
        this.roles = roles.isEmpty() ? EnumSet.of(Role.USER) : EnumSet.copyOf(roles);
        this.roles.add(Role.USER);
        this.createdAt = createdAt;
    }

    public String id() { return id; }

    public String displayName() { return displayName; }

    public String avatarUrl() { return avatarUrl; }

    public String email() { return email; }

    public Set<Role> roles() { return Collections.unmodifiableSet(roles); }

    public Instant createdAt() { return createdAt; }

    public Instant lastLoginAt() { return lastLoginAt; }

    public boolean isAdmin() { return roles.contains(Role.ADMIN); }

    public boolean disabled() { return disabledAt != null; }

    public Instant disabledAt() { return disabledAt; }

    /** Disables the account as of {@code at}; an account already disabled keeps its first time. */
    public void disable(Instant at) {
        if (disabledAt == null) {
            disabledAt = at;
        }
    }

    public void enable() {
        disabledAt = null;
    }

    /** Takes the name and avatar the provider shows now; keeps the e-mail when none was verified this time. */
    public void refresh(String displayName, String email, String avatarUrl) {
        this.displayName = displayName;
        this.avatarUrl = avatarUrl;
        if (email != null) {
            this.email = email;
        }
    }

    /** Grants or withdraws {@link Role#ADMIN}; every account keeps {@link Role#USER}. */
    public void admin(boolean admin) {
        if (admin) {
            roles.add(Role.ADMIN);
        } else {
            roles.remove(Role.ADMIN);
        }
    }
}
