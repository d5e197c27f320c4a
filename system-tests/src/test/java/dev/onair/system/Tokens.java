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

/** Access tokens signed with the development key under test resources, as OnAir's own tokens look. */
public final class Tokens {

    public static final String ISSUER = "onair";
    public static final String AUDIENCE = "onair";

    private Tokens() {
    }

    public static Path publicKeyFile() {
        return resource("dev-keys/jwt-public.pem");
    }

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
                .type(JOSEObjectType.JWT).keyID("dev-1").build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
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
