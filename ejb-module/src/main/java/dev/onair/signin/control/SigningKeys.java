package dev.onair.signin.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.onair.shared.DataFolder;
import dev.onair.shared.PemEncoding;
import dev.onair.shared.SecretFiles;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The RSA keys OnAir signs its access tokens with. The current key is a PKCS#8 PEM file named by
 * {@code onair.auth.signing-key}; without that setting OnAir generates one into
 * {@code ${onair.data.dir}/secrets/jwt-signing-key.pem} on first start. The previous key
 * ({@code onair.auth.previous-signing-key}, a private or public key PEM) stays published in the
 * JWKS, so tokens signed before a rotation keep verifying until they expire. Key ids are RFC 7638
 * thumbprints.
 */
@ApplicationScoped
public class SigningKeys {

    @Inject
    SignInConfig settings;

    @Inject
    @DataFolder
    Path data;

    private RSAKey current;
    private JWKSet published;

    @PostConstruct
    void load() {
        current = settings.signingKey()
                .map(path -> read(Path.of(path), "onair.auth.signing-key"))
                .orElseGet(this::generated);
        if (!current.isPrivate()) {
            throw new IllegalStateException("onair.auth.signing-key must name a private key");
        }
        List<JWK> keys = new ArrayList<>(List.of(current.toPublicJWK()));
        settings.previousSigningKey()
                .map(path -> read(Path.of(path), "onair.auth.previous-signing-key").toPublicJWK())
                .filter(previous -> !previous.getKeyID().equals(current.getKeyID()))
                .ifPresent(keys::add);
        published = new JWKSet(keys);
    }

    /** The key new tokens are signed with (private part included). */
    public RSAKey current() {
        return current;
    }

    /** The public keys tokens may be verified with: the current one, then the previous one. */
    public JWKSet published() {
        return published;
    }

    private RSAKey generated() {
        Path file = data.resolve("secrets").resolve("jwt-signing-key.pem");
        try {
            SecretFiles.readOrCreate(file, PemEncoding::newRsaPrivateKey, "an access-token signing key");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the signing key at " + file, e);
        }
        return read(file, "the generated signing key");
    }


    /** A PKCS#8 private key or an X.509 public key, RSA, as PEM. */
    static RSAKey read(Path file, String setting) {
        String pem;
        try {
            pem = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(setting + ": cannot read " + file, e);
        }
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAKey.Builder key;
            if (pem.contains("-----BEGIN PRIVATE KEY-----")) {
                RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der(pem, "PRIVATE KEY")));
                RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                        new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
                key = new RSAKey.Builder(publicKey).privateKey(privateKey);
            } else if (pem.contains("-----BEGIN PUBLIC KEY-----")) {
                key = new RSAKey.Builder((RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(der(pem, "PUBLIC KEY"))));
            } else {
                throw new IllegalStateException(setting + ": " + file + " holds no PKCS#8 'PRIVATE KEY' or 'PUBLIC KEY' PEM");
            }
            return key.keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).keyIDFromThumbprint().build();
        } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException | JOSEException e) {
            throw new IllegalStateException(setting + ": " + file + " is not a usable RSA key", e);
        }
    }

    private static byte[] der(String pem, String label) {
        String begin = "-----BEGIN " + label + "-----";
        int start = pem.indexOf(begin) + begin.length();
        int end = pem.indexOf("-----END " + label + "-----");
        return Base64.getMimeDecoder().decode(pem.substring(start, end));
    }
}
