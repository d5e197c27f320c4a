package dev.onair.system;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * A scripted OpenID Connect provider ("lab", configured in OnAir like any other): discovery and
 * JWKS are real, and each test decides the token endpoint's answer for its own authorization
 * code, so it can hand OnAir an id_token with a wrong issuer, audience, nonce, expiry,
 * signature or algorithm and watch it being refused.
 */
public final class LabOidcProvider {

    public static final String ID = "lab";
    public static final String CLIENT_ID = "onair-lab-test";

    private final WireMockServer server;
    private final String issuer;
    private final RSAKey key;
    private final RSAKey strangerKey;

    LabOidcProvider(WireMockServer server, int port) {
        this.server = server;
        this.issuer = "http://127.0.0.1:" + port + "/lab";
        try {
            this.key = new RSAKeyGenerator(2048).keyID("lab-1").generate();
            this.strangerKey = new RSAKeyGenerator(2048).keyID("lab-1").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        server.stubFor(get(urlPathEqualTo("/lab/.well-known/openid-configuration")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(Json.createObjectBuilder()
                        .add("issuer", issuer)
                        .add("authorization_endpoint", issuer + "/authorize")
                        .add("token_endpoint", issuer + "/token")
                        .add("jwks_uri", issuer + "/jwks")
                        .add("response_types_supported", Json.createArrayBuilder().add("code"))
                        .add("subject_types_supported", Json.createArrayBuilder().add("public"))
                        .add("id_token_signing_alg_values_supported", Json.createArrayBuilder().add("RS256"))
                        .build().toString())));
        server.stubFor(get(urlPathEqualTo("/lab/jwks")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(new JWKSet(key.toPublicJWK()).toString())));
    }

    public String issuer() {
        return issuer;
    }

    /** Claims of a good id_token for {@code nonce}; tests change one thing. */
    public JWTClaimsSet.Builder claims(String subject, String nonce) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(CLIENT_ID)
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", nonce)
                .claim("name", "Lab " + subject)
                .claim("email", subject + "@lab.test")
                .claim("email_verified", true);
    }

    public String signed(JWTClaimsSet claims) {
        return sign(claims, key);
    }

    /** Signed by a key the provider does not publish, under the published key's id. */
    public String signedByStranger(JWTClaimsSet claims) {
        return sign(claims, strangerKey);
    }

    /** {@code alg: none}, no signature at all. */
    public String unsigned(JWTClaimsSet claims) {
        return new com.nimbusds.jwt.PlainJWT(claims).serialize();
    }

    /** Makes the token endpoint answer {@code code} with this id_token. */
    public void answer(String code, String idToken) {
        server.stubFor(post(urlPathEqualTo("/lab/token")).withRequestBody(containing("code=" + code)).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(Json.createObjectBuilder()
                        .add("access_token", "lab-" + UUID.randomUUID())
                        .add("token_type", "Bearer")
                        .add("expires_in", 300)
                        .add("id_token", idToken)
                        .build().toString())));
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
