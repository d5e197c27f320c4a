package dev.onair.signin.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.onair.accounts.entity.Account;
import dev.onair.accounts.entity.Role;
import dev.onair.signin.entity.Scopes;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * OnAir's access tokens: RS256 JWTs with an explicit {@code typ} ({@code at+jwt}, RFC 9068), the
 * signing key's {@code kid}, {@code iss}, {@code aud}, {@code sub} (the account id), {@code upn},
 * {@code groups} (the account's roles), {@code jti}, {@code iat} and {@code exp}: what MicroProfile
 * JWT verifies; an API client's also {@code client_id} and {@code scope}. Lifetime
 * {@code onair.auth.access-token-ttl}, never more than 15 minutes.
 */
@ApplicationScoped
public class AccessTokens {

    public static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");
    /** The claims of a client's token (RFC 9068 section 2.2): the client's id and its scopes, space-separated. */
    public static final String CLIENT_ID = "client_id";
    public static final String SCOPE = "scope";
    private static final Logger LOG = Logger.getLogger(AccessTokens.class.getName());

    @Inject
    SigningKeys keys;

    @Inject
    SignInConfig settings;

    private final Clock clock = Clock.systemUTC();
    private Duration ttl;
    private RSASSASigner signer;

    @PostConstruct
    void init() {
        ttl = settings.accessTokenTtl();
        try {
            signer = new RSASSASigner(keys.current());
        } catch (JOSEException e) {
            throw new IllegalStateException("the signing key cannot sign", e);
        }
    }

    public Duration ttl() {
        return ttl;
    }

    /** A fresh access token for {@code account}. */
    public String issue(Account account) {
        return sign(claims(account, account.roles().stream().map(Role::group).sorted().toList()).build());
    }

    /**
     * A fresh access token for API client {@code clientId} acting for {@code account} within
     * {@code scopes}: also {@code client_id} and {@code scope} (RFC 9068); the admin group only
     * with the {@code admin} scope.
     */
    public String issue(Account account, String clientId, List<String> scopes) {
        List<String> groups = account.roles().stream()
                .filter(role -> role != Role.ADMIN || scopes.contains(Scopes.ADMIN))
                .map(Role::group).sorted().toList();
        return sign(claims(account, groups).claim(CLIENT_ID, clientId).claim(SCOPE, Scopes.join(scopes)).build());
    }

    private JWTClaimsSet.Builder claims(Account account, List<String> groups) {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .audience(settings.audience())
                .subject(account.id())
                .claim("upn", account.id())
                .claim("groups", groups)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)));
    }

    private String sign(JWTClaimsSet claims) {
        RSAKey key = keys.current();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(TYPE).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing an access token failed", e);
        }
        return jwt.serialize();
    }
}
