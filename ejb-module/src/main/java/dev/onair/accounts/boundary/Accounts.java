package dev.onair.accounts.boundary;

import dev.onair.accounts.entity.Account;
import dev.onair.accounts.entity.AccountChangeRefused;
import dev.onair.accounts.entity.AccountDisabled;
import dev.onair.accounts.entity.AccountSignedIn;
import dev.onair.accounts.entity.Caller;
import dev.onair.accounts.entity.Identity;
import dev.onair.accounts.entity.Profile;
import dev.onair.accounts.entity.Role;
import dev.onair.accounts.entity.SignedInAccount;
import dev.onair.shared.Forbidden;
import dev.onair.shared.NotFound;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.Config;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Accounts and the identities they are known by. A sign-in resolves (provider, subject) to its
 * account, creating it from the provider's profile the first time; later sign-ins take the
 * provider's current name and avatar. {@code onair.admins} lists the identities
 * ({@code provider:subject}) that hold the admin role, granted or withdrawn at each sign-in and
 * each refresh ({@link #withCurrentRoles}), read anew each time. Admins disable and enable accounts.
 */
@Stateless
public class Accounts {

    /** The longest e-mail address (RFC 5321: 64 + 1 + 255), as the column holds it. */
    private static final int MAX_EMAIL = 320;
    private static final int MAX_AVATAR_URL = 2000;
    /** Characters of the provider's subject in the name of someone who gave none. */
    private static final int SUBJECT_IN_NAME = 8;

    @PersistenceContext(unitName = "onair")
    EntityManager em;

    @Inject
    Config config;

    @Inject
    Event<AccountDisabled> disabled;

    private final Clock clock = Clock.systemUTC();

    public Optional<Account> find(String id) {
        return Optional.ofNullable(em.find(Account.class, id));
    }

    /**
     * The account, its row locked until the caller's transaction ends ({@link NotFound} when there
     * is none): another component that counts what an account has (its API clients) before adding
     * one does so one at a time.
     */
    public Account lockForCount(String id) {
        return lock(id);
    }

    /**
     * The account with the admin role as {@code onair.admins} says now, for a refresh: removing an
     * identity from the list takes the role away at the account's next refresh.
     */
    public Account withCurrentRoles(Account account) {
        Set<String> admins = admins();
        boolean admin = em.createNamedQuery(Identity.OF_ACCOUNT, Identity.class)
                .setParameter("account", account.id())
                .getResultList().stream().map(Identity::key).anyMatch(admins::contains);
        if (admin != account.isAdmin()) {
            // two sessions of the account refreshing at once: the second waits, then finds it done
            em.lock(account, LockModeType.PESSIMISTIC_WRITE);
            em.refresh(account);
            if (admin != account.isAdmin()) {
                account.admin(admin);
                em.flush();
            }
        }
        return account;
    }

    /**
     * Disables {@code accountId} on behalf of admin {@code by}: it can no longer sign in, refresh,
     * use its access tokens or publish; {@link AccountDisabled} lets sign-in revoke its sessions
     * and the channels end its broadcast, in this transaction.
     */
    public Account disable(String accountId, Caller by) {
        requireAdmin(by);
        if (by.owns(accountId)) {
            throw AccountChangeRefused.ownAccount();
        }
        Account account = lock(accountId);
        if (!account.disabled()) {
            Instant now = clock.instant();
            account.disable(now);
            em.flush();
            disabled.fire(new AccountDisabled(account.id(), by.accountId(), now));
        }
        return account;
    }

    /** Enables a disabled account again (its sessions stay revoked: the person signs in anew). */
    public Account enable(String accountId, Caller by) {
        requireAdmin(by);
        Account account = lock(accountId);
        account.enable();
        em.flush();
        return account;
    }

    private Account lock(String accountId) {
        Account account = accountId == null ? null : em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw new NotFound("no account " + accountId);
        }
        return account;
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.admin()) {
            throw new Forbidden("only an admin may disable or enable accounts");
        }
    }

    /** The identities {@code onair.admins} lists now ({@code provider:subject}). */
    private Set<String> admins() {
        return config.getOptionalValues("onair.admins", String.class).orElse(List.of()).stream()
                .map(String::trim).collect(Collectors.toSet());
    }

    /**
     * The account of {@code profile}'s identity, created or refreshed, within the caller's
     * transaction. Two first sign-ins of one identity racing each other: the loser's flush fails
     * on the identity's primary key (a unique violation) and its caller retries.
     */
    public SignedInAccount signIn(Profile profile) {
        boolean admin = admins().contains(profile.identityKey());
        String name = displayName(profile);
        String email = fitting(profile.email(), MAX_EMAIL);
        String avatar = fitting(profile.avatarUrl(), MAX_AVATAR_URL);
        Identity identity = em.find(Identity.class, new Identity.Key(profile.provider(), profile.subject()));
        if (identity != null) {
            Account account = em.find(Account.class, identity.accountId());
            if (!name.equals(account.displayName()) || !Objects.equals(avatar, account.avatarUrl())
                    || (email != null && !email.equals(account.email()))) {
                account.refresh(name, email, avatar);
            }
            if (admin != account.isAdmin()) {
                account.admin(admin);
            }
            return new SignedInAccount(account, false);
        }
        Account account = new Account(UUID.randomUUID().toString(), name, email, avatar,
                admin ? EnumSet.of(Role.USER, Role.ADMIN) : EnumSet.of(Role.USER), clock.instant());
        em.persist(account);
        em.persist(new Identity(profile.provider(), profile.subject(), account.id(), clock.instant()));
        em.flush();
        return new SignedInAccount(account, true);
    }

    /**
     * The last-login time follows committed sign-ins and only ever moves forward. Derived data:
     * it is written asynchronously, after the sign-in answered, in a transaction of its own.
     */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void onSignedIn(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountSignedIn event) {
        em.createQuery("UPDATE Account a SET a.lastLoginAt = :at WHERE a.id = :id "
                        + "AND (a.lastLoginAt IS NULL OR a.lastLoginAt < :at)")
                .setParameter("at", event.at())
                .setParameter("id", event.accountId())
                .executeUpdate();
    }

    private static String displayName(Profile profile) {
        String name = profile.displayName() == null ? "" : profile.displayName().strip();
        if (name.isEmpty()) {
            name = "user-" + profile.subject().substring(0, Math.min(SUBJECT_IN_NAME, profile.subject().length()));
        }
        if (name.codePointCount(0, name.length()) > Account.DISPLAY_NAME_MAX) {
            name = name.substring(0, name.offsetByCodePoints(0, Account.DISPLAY_NAME_MAX));
        }
        return name;
    }

    /** Optional profile fields that do not fit are dropped rather than cut into something wrong. */
    private static String fitting(String value, int max) {
        return value == null || value.isBlank() || value.length() > max ? null : value;
    }
}
