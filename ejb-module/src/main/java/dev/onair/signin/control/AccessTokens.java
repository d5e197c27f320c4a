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
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * OnAir's access tokens: RS256 JWTs with an explicit {@code typ} ({@code at+jwt}, RFC 9068), the
 * signing key's {@code kid}, {@code iss}, {@code aud}, {@code sub} (the account id), {@code upn},
 * {@code groups} (the account's roles), {@code jti}, {@code iat} and {@code exp}: what MicroProfile
 * JWT verifies. Lifetime {@code onair.auth.access-token-ttl}, never more than 15 minutes.
 */
@ApplicationScoped
public class AccessTokens {

    public static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");
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
        Instant now = clock.instant();
        RSAKey key = keys.current();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .audience(settings.audience())
                .subject(account.id())
                .claim("upn", account.id())
                .claim("groups", account.roles().stream().map(Role::group).sorted().toList())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(TYPE).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing an access token failed", e);
        }
        return jwt.serialize();
    }
}
