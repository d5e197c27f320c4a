package dev.onair.accounts.boundary;

import dev.onair.accounts.entity.Account;
import dev.onair.accounts.entity.Identity;
import dev.onair.accounts.entity.Profile;
import dev.onair.accounts.entity.Role;
import dev.onair.accounts.entity.SignedInAccount;
import dev.onair.signin.entity.UserLoggedIn;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Accounts and the identities they are known by. A sign-in resolves (provider, subject) to its
 * account, creating it from the provider's profile the first time; later sign-ins take the
 * provider's current name and avatar. {@code onair.admins} lists the identities
 * ({@code provider:subject}) that hold the admin role, granted or withdrawn at each sign-in.
 */
@Stateless
public class Accounts {

    @PersistenceContext(unitName = "onair")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "onair.admins")
    Optional<List<String>> admins;

    private final Clock clock = Clock.systemUTC();

    public Optional<Account> find(String id) {
        return Optional.ofNullable(em.find(Account.class, id));
    }

    /**
     * The account of {@code profile}'s identity, created or refreshed, within the caller's
     * transaction. Two first sign-ins of one identity racing each other: the loser's flush fails
     * on the identity's primary key (a unique violation) and its caller retries.
     */
    public SignedInAccount signIn(Profile profile) {
        boolean admin = admins.orElse(List.of()).stream().map(String::trim).anyMatch(profile.identityKey()::equals);
        String name = displayName(profile);
        String email = fitting(profile.email(), 320);
        String avatar = fitting(profile.avatarUrl(), 2000);
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
    public void onUserLoggedIn(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserLoggedIn event) {
        em.createQuery("UPDATE Account a SET a.lastLoginAt = :at WHERE a.id = :id "
                        + "AND (a.lastLoginAt IS NULL OR a.lastLoginAt < :at)")
                .setParameter("at", event.at())
                .setParameter("id", event.accountId())
                .executeUpdate();
    }

    private static String displayName(Profile profile) {
        String name = profile.displayName() == null ? "" : profile.displayName().strip();
        if (name.isEmpty()) {
            name = "user-" + profile.subject().substring(0, Math.min(8, profile.subject().length()));
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
