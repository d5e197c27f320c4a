package dev.onair.signin.boundary;

import dev.onair.accounts.boundary.Accounts;
import dev.onair.accounts.entity.Account;
import dev.onair.accounts.entity.AccountDisabled;
import dev.onair.accounts.entity.Profile;
import dev.onair.accounts.entity.SignedInAccount;
import dev.onair.shared.Digests;
import dev.onair.signin.control.AccessTokens;
import dev.onair.signin.control.SignInPolicy;
import dev.onair.signin.entity.Client;
import dev.onair.signin.entity.IssuedTokens;
import dev.onair.signin.entity.RefreshToken;
import dev.onair.signin.entity.SignInRefused;
import dev.onair.signin.entity.UserLoggedIn;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Signed-in sessions: a family of refresh tokens that starts at a sign-in and is rotated on every
 * refresh. Opening one is the transaction of a successful sign-in: the account is created or
 * refreshed, the first refresh token stored, and {@link UserLoggedIn} fired, so that observers
 * waiting for {@code AFTER_SUCCESS} run only once all of it committed.
 */
@Stateless
public class SignInSessions {

    /** What presenting a refresh token came to. */
    public sealed interface Rotation {
        record Rotated(IssuedTokens tokens) implements Rotation { }
        /** An already-rotated token came back: its family must be revoked (theft detection). */
        record Reused(String familyId, String accountId) implements Rotation { }
        record Refused(String reason) implements Rotation { }
        /** The token is good but its account was disabled. */
        record Disabled(String accountId) implements Rotation { }
    }

    private static final int REFRESH_TOKEN_BYTES = 32;

    @PersistenceContext(unitName = "onair")
    EntityManager em;

    @EJB
    Accounts accounts;

    @Inject
    AccessTokens accessTokens;

    @Inject
    SignInPolicy policy;

    @Inject
    Event<UserLoggedIn> loggedIn;

    private final Clock clock = Clock.systemUTC();

    public IssuedTokens open(Profile profile, Client client, String attemptId) {
        Instant now = clock.instant();
        SignedInAccount signedIn = accounts.signIn(profile);
        if (signedIn.account().disabled()) {
            throw SignInRefused.accountDisabled();
        }
        IssuedTokens tokens = issue(signedIn.account(), UUID.randomUUID().toString(), now);
        loggedIn.fire(new UserLoggedIn(attemptId, signedIn.account().id(), profile.provider(), signedIn.created(), client, now));
        return tokens;
    }

    public Rotation rotate(String refreshToken) {
        Instant now = clock.instant();
        RefreshToken presented = em.find(RefreshToken.class, Digests.sha256Hex(refreshToken), LockModeType.PESSIMISTIC_WRITE);
        if (presented == null) {
            return new Rotation.Refused("This refresh token is not known.");
        }
        Account account = accounts.find(presented.accountId()).orElse(null);
        if (account != null && account.disabled()) {
            // said first: the person learns why, rather than that their (revoked) session ended
            return new Rotation.Disabled(account.id());
        }
        if (presented.revoked()) {
            return new Rotation.Refused("This refresh token was revoked; sign in again.");
        }
        if (presented.used()) {
            return new Rotation.Reused(presented.familyId(), presented.accountId());
        }
        if (presented.expiredAt(now)) {
            return new Rotation.Refused("This refresh token expired; sign in again.");
        }
        if (account == null) {
            return new Rotation.Refused("The account of this refresh token no longer exists.");
        }
        presented.use(now);
        return new Rotation.Rotated(issue(accounts.withCurrentRoles(account), presented.familyId(), now));
    }

    /** Signs the family out: none of its tokens refreshes any more. Unknown tokens are ignored. */
    public void revokeFamilyOf(String refreshToken) {
        RefreshToken presented = em.find(RefreshToken.class, Digests.sha256Hex(refreshToken));
        if (presented != null) {
            revokeFamily(presented.familyId());
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void revokeFamily(String familyId) {
        em.createNativeQuery("UPDATE refresh_token SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL")
                .setParameter(1, Timestamp.from(clock.instant()))
                .setParameter(2, familyId)
                .executeUpdate();
    }

    /** The account was disabled (in the same transaction): none of its sessions refreshes any more. */
    public void onAccountDisabled(@Observes AccountDisabled disabled) {
        em.createNativeQuery("UPDATE refresh_token SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL")
                .setParameter(1, Timestamp.from(disabled.at()))
                .setParameter(2, disabled.accountId())
                .executeUpdate();
    }

    /** Tokens past their expiry are useless, used or not ({@link SignInHousekeeping} calls this). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int purgeExpired() {
        return em.createNativeQuery("DELETE FROM refresh_token WHERE expires_at < ?")
                .setParameter(1, Timestamp.from(clock.instant()))
                .executeUpdate();
    }

    private IssuedTokens issue(Account account, String familyId, Instant now) {
        String refreshToken = Digests.randomToken(REFRESH_TOKEN_BYTES);
        Instant refreshExpires = now.plus(policy.refreshTokenTtl());
        em.persist(new RefreshToken(Digests.sha256Hex(refreshToken), familyId, account.id(), now, refreshExpires));
        return new IssuedTokens(account.id(), accessTokens.issue(account), accessTokens.ttl().toSeconds(), refreshToken,
                policy.refreshTokenTtl().toSeconds());
    }
}
