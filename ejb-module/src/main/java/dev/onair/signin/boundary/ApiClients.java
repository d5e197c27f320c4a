package dev.onair.signin.boundary;

import dev.onair.accounts.boundary.Accounts;
import dev.onair.accounts.entity.Account;
import dev.onair.accounts.entity.Caller;
import dev.onair.shared.Digests;
import dev.onair.shared.Ids;
import dev.onair.shared.Violations;
import dev.onair.signin.control.AccessTokens;
import dev.onair.signin.entity.ApiClient;
import dev.onair.signin.entity.ClientRefused;
import dev.onair.signin.entity.ClientSecret;
import dev.onair.signin.entity.ClientToken;
import dev.onair.signin.entity.Scopes;
import dev.onair.signin.entity.SignInRefused;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * API clients: programs that act for their owner's account within their scopes, with OAuth 2.0
 * client credentials (RFC 6749 section 4.4). Owners create, list, rotate and revoke their own;
 * only admins may give a client the {@code admin} scope. The secret is 32 random bytes behind a
 * recognisable prefix (so a leaked one can be found by scanners), stored as its SHA-256.
 */
@Stateless
public class ApiClients {

    /** Active clients an account may have at once. */
    public static final int MAX_ACTIVE = 20;
    /** What every secret starts with. */
    public static final String SECRET_PREFIX = "onair_cs_";
    /** A client secret longer than this is not OnAir's and is not hashed. */
    private static final int MAX_SECRET = 200;

    private static final Logger LOG = Logger.getLogger(ApiClients.class.getName());

    @PersistenceContext(unitName = "onair")
    EntityManager em;

    @EJB
    Accounts accounts;

    @Inject
    AccessTokens accessTokens;

    private final Clock clock = Clock.systemUTC();

    /** A new client of {@code owner}'s named {@code name} with {@code scopes}; its secret, shown this once. */
    public ClientSecret create(Caller owner, String name, List<String> scopes) {
        Violations violations = new Violations().text("name", name, 1, ApiClient.NAME_MAX, false);
        checkScopes(violations, scopes);
        violations.throwIfAny();
        if (scopes.contains(Scopes.ADMIN) && !owner.admin()) {
            throw ClientRefused.scopeNotAllowed(Scopes.ADMIN);
        }
        Account account = accounts.lockForCount(owner.accountId()); // one count at a time
        long active = em.createNamedQuery(ApiClient.COUNT_ACTIVE_OF_ACCOUNT, Long.class)
                .setParameter("account", account.id()).getSingleResult();
        if (active >= MAX_ACTIVE) {
            throw ClientRefused.tooMany(MAX_ACTIVE);
        }
        String secret = newSecret();
        ApiClient client = new ApiClient(UUID.randomUUID().toString(), account.id(), name.strip(), scopes,
                Digests.sha256Hex(secret), clock.instant());
        em.persist(client);
        LOG.info(() -> "Account " + owner.accountId() + " created API client " + client.id() + " with scopes " + client.scopes());
        return new ClientSecret(client, secret);
    }

    /** {@code owner}'s clients, newest first, revoked ones included. */
    public List<ApiClient> of(Caller owner) {
        return em.createNamedQuery(ApiClient.OF_ACCOUNT, ApiClient.class).setParameter("account", owner.accountId()).getResultList();
    }

    /** One of {@code owner}'s clients. */
    public ApiClient find(Caller owner, String clientId) {
        return owned(owner, clientId);
    }

    /** A new secret for {@code owner}'s client; the old one stops working now (tokens it got last until they expire). */
    public ClientSecret rotate(Caller owner, String clientId) {
        ApiClient client = owned(owner, clientId);
        em.lock(client, LockModeType.PESSIMISTIC_WRITE);
        if (client.revoked()) {
            throw ClientRefused.revoked();
        }
        String secret = newSecret();
        client.rotateSecret(Digests.sha256Hex(secret), clock.instant());
        LOG.info(() -> "Account " + owner.accountId() + " rotated the secret of API client " + clientId);
        return new ClientSecret(client, secret);
    }

    /** Revokes {@code owner}'s client: no more tokens, and those it has stop working within a cache refresh. */
    public ApiClient revoke(Caller owner, String clientId) {
        ApiClient client = owned(owner, clientId);
        if (!client.revoked()) {
            client.revoke(clock.instant());
            LOG.info(() -> "Account " + owner.accountId() + " revoked API client " + clientId);
        }
        return client;
    }

    /**
     * The client-credentials grant: an access token for the client named by {@code clientId} and
     * {@code secret}, with {@code requestedScope} (space-separated; null or blank: all the client's
     * scopes), acting for its owner. Records the use.
     */
    public ClientToken token(String clientId, String secret, String requestedScope) {
        ApiClient client = authenticate(clientId, secret);
        List<String> granted = client.scopes();
        List<String> scopes = Scopes.split(requestedScope);
        List<String> beyond = scopes.stream().filter(s -> !granted.contains(s)).toList();
        if (!beyond.isEmpty()) {
            throw ClientRefused.invalidScope("the client does not have the scopes " + String.join(" ", beyond)
                    + "; it has " + String.join(" ", granted));
        }
        Account owner = accounts.find(client.accountId()).orElseThrow(ClientRefused::invalidClient);
        if (owner.disabled()) {
            throw SignInRefused.accountDisabled();
        }
        owner = accounts.withCurrentRoles(owner);
        List<String> effective = new ArrayList<>(scopes.isEmpty() ? granted : scopes);
        if (!owner.isAdmin()) {
            effective.remove(Scopes.ADMIN); // the owner is no admin any more: neither is the client
        }
        markUsed(client.id());
        return new ClientToken(client.id(), accessTokens.issue(owner, client.id(), effective), accessTokens.ttl().toSeconds(),
                List.copyOf(effective));
    }

    /** Whether {@code clientId} names a client that is not revoked; with {@code used}, records that it was used now. */
    public boolean active(String clientId, boolean used) {
        if (!Ids.isId(clientId)) {
            return false;
        }
        ApiClient client = em.find(ApiClient.class, clientId);
        if (client == null || client.revoked()) {
            return false;
        }
        if (used) {
            markUsed(clientId);
        }
        return true;
    }

    private ApiClient authenticate(String clientId, String secret) {
        if (!Ids.isId(clientId) || secret == null || secret.isEmpty() || secret.length() > MAX_SECRET) {
            throw ClientRefused.invalidClient();
        }
        ApiClient client = em.find(ApiClient.class, clientId);
        byte[] presented = Digests.sha256Hex(secret).getBytes(StandardCharsets.US_ASCII);
        if (client == null || client.revoked()
                || !MessageDigest.isEqual(presented, client.secretHash().getBytes(StandardCharsets.US_ASCII))) {
            throw ClientRefused.invalidClient();
        }
        return client;
    }

    private void markUsed(String clientId) {
        Instant now = clock.instant();
        em.createNamedQuery(ApiClient.MARK_USED).setParameter("id", clientId).setParameter("at", now).executeUpdate();
    }

    private ApiClient owned(Caller owner, String clientId) {
        ApiClient client = Ids.isId(clientId) ? em.find(ApiClient.class, clientId) : null;
        if (client == null || !owner.owns(client.accountId())) {
            throw ClientRefused.unknown();
        }
        return client;
    }

    private static void checkScopes(Violations violations, List<String> scopes) {
        if (scopes == null || scopes.isEmpty()) {
            violations.add("scopes", "at least one of " + String.join(", ", Scopes.ALL));
            return;
        }
        scopes.stream().filter(s -> s == null || !Scopes.known(s)).findFirst().ifPresent(unknown ->
                violations.add("scopes", "unknown scope; the scopes are " + String.join(", ", Scopes.ALL)));
    }

    private static String newSecret() {
        return SECRET_PREFIX + Digests.randomToken(Digests.SECRET_BYTES);
    }
}
