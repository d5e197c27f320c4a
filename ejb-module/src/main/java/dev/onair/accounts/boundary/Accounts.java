package dev.onair.accounts.boundary;

import dev.onair.accounts.entity.Account;
import dev.onair.accounts.entity.Profile;
import dev.onair.shared.Conflicts;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.time.Clock;
import java.util.Optional;

/** Finds accounts, and creates the account of a verified subject the first time it appears. */
@Stateless
public class Accounts {

    @PersistenceContext(unitName = "onair")
    EntityManager em;

    @Resource
    SessionContext context;

    private final Clock clock = Clock.systemUTC();

    public Optional<Account> find(String id) {
        return Optional.ofNullable(em.find(Account.class, id));
    }

    /**
     * The account of {@code profile.subject()}, created from the profile if it does not exist
     * yet. Two first requests of the same subject racing each other create one account: the
     * loser's insert fails on the primary key and it reads the winner's row.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Account ensure(Profile profile) {
        Accounts self = context.getBusinessObject(Accounts.class);
        return self.find(profile.subject()).orElseGet(() -> {
            try {
                return self.create(profile);
            } catch (EJBException | PersistenceException e) {
                if (Conflicts.isUniqueViolation(e)) {
                    return self.find(profile.subject()).orElseThrow(() -> e);
                }
                throw e;
            }
        });
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Account create(Profile profile) {
        String name = profile.displayName();
        if (name == null || name.isBlank()) {
            name = "user-" + profile.subject().substring(0, Math.min(8, profile.subject().length()));
        }
        if (name.codePointCount(0, name.length()) > Account.DISPLAY_NAME_MAX) {
            name = name.substring(0, name.offsetByCodePoints(0, Account.DISPLAY_NAME_MAX));
        }
        Account account = new Account(profile.subject(), name, fitting(profile.email(), 320),
                fitting(profile.avatarUrl(), 2000), profile.roles(), clock.instant());
        em.persist(account);
        em.flush();
        return account;
    }

    /** Optional profile fields that do not fit are dropped rather than cut into something wrong. */
    private static String fitting(String value, int max) {
        return value == null || value.isBlank() || value.length() > max ? null : value;
    }
}
