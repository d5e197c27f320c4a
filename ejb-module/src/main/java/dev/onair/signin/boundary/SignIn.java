package dev.onair.signin.boundary;

import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.onair.accounts.entity.Profile;
import dev.onair.shared.Conflicts;
import dev.onair.shared.Digests;
import dev.onair.shared.LogText;
import dev.onair.signin.control.Providers;
import dev.onair.signin.control.SignInPolicy;
import dev.onair.signin.control.SignInProvider;
import dev.onair.signin.entity.Client;
import dev.onair.signin.entity.IssuedTokens;
import dev.onair.signin.entity.LoginFailed;
import dev.onair.signin.entity.SignInRefused;
import dev.onair.signin.entity.SignInRequest;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sign-in flow: authorization code with PKCE (S256), a one-time {@code state} bound to the
 * browser by a cookie, a {@code nonce} for OpenID Connect. It announces what happened as
 * {@code UserLoggedIn} (fired in {@link SignInSessions#open}) and {@link LoginFailed}, and knows nothing
 * of who listens. A plain CDI bean, not an EJB: no transaction is held open while a provider is
 * called over the network; each database step is its own transaction.
 */
@ApplicationScoped
public class SignIn {

    /** The browser-binding cookie: 32 random bytes in base64url (43), a little room for other encoders. */
    private static final int MIN_BINDING = 43;
    private static final int MAX_BINDING = 64;
    /** A refresh token longer than this is not OnAir's and is not looked up. */
    private static final int MAX_REFRESH_TOKEN = 200;
    /** How much of a provider's text the log repeats. */
    private static final int LOGGED_LENGTH = 40;

    private static final Logger LOG = Logger.getLogger(SignIn.class.getName());
    private static final int STATE_BYTES = 32;
    private static final int BROWSER_BYTES = 32;

    /** Where to send the browser, and the browser-binding cookie value it must bring back. */
    public record Started(URI authorizationUri, String browserBinding) {
        @Override
        public String toString() {
            return "Started[" + authorizationUri.getHost() + "]";
        }
    }

    /** A finished sign-in: the tokens, and the page to return to. */
    public record Completed(IssuedTokens tokens, String returnTo) {
    }

    @Inject
    Providers providers;

    @Inject
    SignInPolicy policy;

    @EJB
    SignInRequests requests;

    @EJB
    SignInSessions sessions;

    @Inject
    Event<LoginFailed> failed;

    private final Clock clock = Clock.systemUTC();

    /** The ids of the providers on offer, for {@link #begin}. */
    public List<String> providerIds() {
        return providers.ids();
    }

    /** How long a started sign-in may take: the browser-binding cookie lives as long. */
    public Duration startedLifetime() {
        return policy.stateTtl();
    }

    /**
     * Starts a sign-in with {@code providerId}: checks where it may lead, stores the request and
     * returns the provider's authorization address. {@code browserBinding} is the binding cookie
     * the browser already holds (several tabs may sign in at once), or null for a new one.
     */
    public Started begin(String providerId, String returnTo, URI apiBase, String browserBinding, Client client) {
        String attemptId = UUID.randomUUID().toString();
        try {
            SignInProvider provider = providers.get(providerId);
            URI redirectUri = policy.redirectUri(apiBase, provider.id());
            String target = policy.returnTo(returnTo);
            String binding = browserBinding != null && browserBinding.length() >= MIN_BINDING && browserBinding.length() <= MAX_BINDING
                    ? browserBinding : Digests.randomToken(BROWSER_BYTES);
            String state = Digests.randomToken(STATE_BYTES);
            String nonce = Digests.randomToken(STATE_BYTES);
            String verifier = new CodeVerifier().getValue();
            URI authorization = provider.authorizationUri(state, nonce, verifier, redirectUri);
            Instant now = clock.instant();
            requests.save(new SignInRequest(Digests.sha256Hex(state), provider.id(), Digests.sha256Hex(binding), verifier,
                    nonce, redirectUri.toString(), target, now, now.plus(policy.stateTtl())));
            return new Started(authorization, binding);
        } catch (SignInRefused e) {
            throw failed(attemptId, providerId, e, client);
        } catch (RuntimeException e) {
            throw broke(attemptId, providerId, e, client);
        }
    }

    /**
     * Finishes a sign-in at the provider's callback: takes the request the state names (once),
     * checks it belongs to this browser and provider and has not expired, exchanges the code and
     * opens a session for the account of the verified identity.
     */
    public Completed complete(String providerId, String code, String state, String error, String browserBinding,
                              Client client) {
        String attemptId = UUID.randomUUID().toString();
        try {
            SignInProvider provider = providers.get(providerId);
            if (state == null || state.isEmpty()) {
                throw SignInRefused.state("The callback carries no state.");
            }
            SignInRequest request = requests.take(Digests.sha256Hex(state))
                    .orElseThrow(() -> SignInRefused.state("This sign-in is unknown or was already used; start again."));
            if (!request.provider().equals(provider.id())) {
                throw SignInRefused.state("This sign-in was started with another provider.");
            }
            if (browserBinding == null || !Digests.sha256Hex(browserBinding).equals(request.browserHash())) {
                throw SignInRefused.state("This sign-in was started in another browser.");
            }
            if (request.expiredAt(clock.instant())) {
                throw SignInRefused.state("This sign-in took too long and expired; start again.");
            }
            if (error != null && !error.isEmpty()) {
                throw "access_denied".equals(error)
                        ? SignInRefused.cancelled("The sign-in was cancelled at " + provider.id() + ".")
                        : SignInRefused.providerRefused(provider.id() + " answered the sign-in with error '"
                                + safe(error) + "'.");
            }
            if (code == null || code.isEmpty()) {
                throw SignInRefused.providerAnswer(provider.id() + " sent no authorization code.");
            }
            Profile profile = provider.profile(code, request);
            return new Completed(open(profile, client, attemptId), request.returnTo());
        } catch (SignInRefused e) {
            throw failed(attemptId, providerId, e, client);
        } catch (RuntimeException e) {
            throw broke(attemptId, providerId, e, client);
        }
    }

    /**
     * Two sign-ins of one identity at once: when both create the account, or both refresh its
     * name, the loser's transaction fails; it retries once and finds the winner's account.
     */
    private IssuedTokens open(Profile profile, Client client, String attemptId) {
        try {
            return sessions.open(profile, client, attemptId);
        } catch (EJBException | PersistenceException e) {
            if (Conflicts.isUniqueViolation(e) || Conflicts.isOptimisticLockLoss(e)) {
                return sessions.open(profile, client, attemptId);
            }
            throw e;
        }
    }

    private SignInRefused failed(String attemptId, String providerId, SignInRefused refusal, Client client) {
        if (refusal.type().equals(SignInRefused.UNKNOWN_PROVIDER)) {
            // anyone can make up provider names: no history row for them, or strangers could grow it at will
            LOG.fine(() -> "Sign-in with an unknown provider '" + safe(providerId) + "' refused");
            return refusal;
        }
        LOG.info(() -> "Sign-in " + attemptId + " with " + safe(providerId) + " refused: " + refusal.type()
                + " (" + refusal.detail() + ")");
        announce(new LoginFailed(attemptId, safe(providerId), refusal.type(), null, client, clock.instant()));
        return refusal;
    }

    private RuntimeException broke(String attemptId, String providerId, RuntimeException e, Client client) {
        LOG.log(Level.WARNING, "Sign-in " + attemptId + " with " + safe(providerId) + " failed unexpectedly", e);
        announce(new LoginFailed(attemptId, safe(providerId), "internal-error", null, client, clock.instant()));
        return e;
    }

    /** An observer that fails (the history's database is down) must not turn a clear refusal into a 500. */
    private void announce(LoginFailed event) {
        try {
            failed.fire(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "An observer of LoginFailed failed for attempt " + event.attemptId(), e);
        }
    }

    private static String safe(String text) {
        return LogText.printable(text, LOGGED_LENGTH);
    }

    /**
     * A new access token for a refresh token, which is used up and replaced by the next one of its
     * family. A token that was already used means two holders have it: the whole family is
     * revoked, the thief and the owner are both signed out, and the owner signs in again.
     */
    public IssuedTokens refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isEmpty() || refreshToken.length() > MAX_REFRESH_TOKEN) {
            throw SignInRefused.refreshToken("No refresh token was presented.");
        }
        SignInSessions.Rotation rotation = sessions.rotate(refreshToken);
        if (rotation instanceof SignInSessions.Rotation.Rotated rotated) {
            return rotated.tokens();
        }
        if (rotation instanceof SignInSessions.Rotation.Disabled) {
            throw SignInRefused.accountDisabled();
        }
        if (rotation instanceof SignInSessions.Rotation.Reused reused) {
            sessions.revokeFamily(reused.familyId());
            LOG.warning(() -> "A rotated refresh token was presented again; signed out its session family "
                    + reused.familyId() + " of account " + reused.accountId());
            throw SignInRefused.refreshTokenReused();
        }
        throw SignInRefused.refreshToken(((SignInSessions.Rotation.Refused) rotation).reason());
    }

    /** Signs out the session the refresh token belongs to; nothing happens for an unknown one. */
    public void signOut(String refreshToken) {
        if (refreshToken != null && !refreshToken.isEmpty() && refreshToken.length() <= MAX_REFRESH_TOKEN) {
            sessions.revokeFamilyOf(refreshToken);
        }
    }
}
