package dev.onair.system;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Access tokens signed with the development key under test resources, which the system tests
 * configure as OnAir's signing key: each helper makes a token that differs from a real one in
 * one respect, to prove that respect is checked.
 */
public final class Tokens {

    public static final String ISSUER = "onair";
    public static final String AUDIENCE = "onair";

    private Tokens() {
    }

    public static Path privateKeyFile() {
        return resource("dev-keys/jwt-private.pem");
    }

    /** The key id OnAir publishes for the development key: its RFC 7638 thumbprint. */
    public static final String KID = thumbprint();

    public static String user(String subject) {
        return token(subject, List.of("user"), ISSUER, AUDIENCE, Instant.now().plusSeconds(600), privateKey("dev-keys/jwt-private.pem"));
    }

    public static String admin(String subject) {
        return token(subject, List.of("user", "admin"), ISSUER, AUDIENCE, Instant.now().plusSeconds(600), privateKey("dev-keys/jwt-private.pem"));
    }

    public static String withGroups(String subject, List<String> groups) {
        return token(subject, groups, ISSUER, AUDIENCE, Instant.now().plusSeconds(600), privateKey("dev-keys/jwt-private.pem"));
    }

    public static String expired(String subject) {
        return token(subject, List.of("user"), ISSUER, AUDIENCE, Instant.now().minusSeconds(3600), privateKey("dev-keys/jwt-private.pem"));
    }

    public static String issuedBy(String issuer, String subject) {
        return token(subject, List.of("user"), issuer, AUDIENCE, Instant.now().plusSeconds(600), privateKey("dev-keys/jwt-private.pem"));
    }

    public static String forAudience(String audience, String subject) {
        return token(subject, List.of("user"), ISSUER, audience, Instant.now().plusSeconds(600), privateKey("dev-keys/jwt-private.pem"));
    }

    /** Right key and claims, but no {@code typ} in the header: not declared an access token. */
    public static String withoutType(String subject) {
        return retyped(subject, null);
    }

    /** Right key and claims, but {@code typ} is the generic {@code JWT} (what an id_token says). */
    public static String typed(String subject, String type) {
        return retyped(subject, new JOSEObjectType(type));
    }

    private static String retyped(String subject, JOSEObjectType type) {
        try {
            JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KID);
            if (type != null) {
                header.type(type);
            }
            SignedJWT jwt = new SignedJWT(header.build(), SignedJWT.parse(user(subject)).getJWTClaimsSet());
            jwt.sign(new RSASSASigner(privateKey("dev-keys/jwt-private.pem")));
            return jwt.serialize();
        } catch (java.text.ParseException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Right key, but a key id OnAir does not publish. */
    public static String unknownKid(String subject) {
        String valid = user(subject);
        SignedJWT jwt;
        try {
            jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("at+jwt")).keyID("retired-key").build(),
                    SignedJWT.parse(valid).getJWTClaimsSet());
            jwt.sign(new RSASSASigner(privateKey("dev-keys/jwt-private.pem")));
        } catch (java.text.ParseException | JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /**
     * The classic key-confusion forgery: HS256 with OnAir's public key (as published) used as the
     * HMAC secret, hoping the verifier feeds its RSA public key to an HMAC check.
     */
    public static String hs256WithPublicKey(String subject) {
        try {
            byte[] secret = Files.readAllBytes(resource("dev-keys/jwt-public.pem"));
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt")).keyID(KID).build(),
                    SignedJWT.parse(user(subject)).getJWTClaimsSet());
            jwt.sign(new com.nimbusds.jose.crypto.MACSigner(secret));
            return jwt.serialize();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.text.ParseException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed by a key OnAir does not know. */
    public static String signedByStranger(String subject) {
        try {
            var generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return token(subject, List.of("user"), ISSUER, AUDIENCE, Instant.now().plusSeconds(600),
                    (RSAPrivateKey) generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String newSubject() {
        return UUID.randomUUID().toString();
    }

    private static String token(String subject, List<String> groups, String issuer, String audience, Instant expires,
                                RSAPrivateKey key) {
        Instant issued = expires.minusSeconds(600);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(subject)
                .claim("upn", subject)
                .claim("name", "BJ " + subject.substring(0, 8))
                .claim("groups", groups)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(expires))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(new JOSEObjectType("at+jwt")).keyID(KID).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static String thumbprint() {
        try {
            String pem = Files.readString(resource("dev-keys/jwt-public.pem"));
            byte[] der = Base64.getMimeDecoder().decode(pem
                    .replace("-----BEGIN PUBLIC KEY-----", "")
                    .replace("-----END PUBLIC KEY-----", ""));
            var key = (java.security.interfaces.RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new java.security.spec.X509EncodedKeySpec(der));
            return new com.nimbusds.jose.jwk.RSAKey.Builder(key).build().computeThumbprint().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAPrivateKey privateKey(String resource) {
        try {
            String pem = Files.readString(resource(resource));
            byte[] der = Base64.getMimeDecoder().decode(pem
                    .replace("-----BEGIN PRIVATE KEY-----", "")
                    .replace("-----END PRIVATE KEY-----", ""));
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(Tokens.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
