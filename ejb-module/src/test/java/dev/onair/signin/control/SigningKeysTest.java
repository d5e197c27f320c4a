package dev.onair.signin.control;

import com.nimbusds.jose.jwk.JWK;
import dev.onair.shared.ConfigFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SigningKeysTest {

    @TempDir
    Path folder;

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private Path pem(String name, String label, byte[] der) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END " + label + "-----\n");
        return file;
    }

    private SigningKeys keys(Optional<String> current, Optional<String> previous) {
        SigningKeys keys = new SigningKeys();
        keys.settings = ConfigFixture.bind(SignInConfig.class, Map.of("onair.auth.signing-key", current.orElse(""),
                "onair.auth.previous-signing-key", previous.orElse("")));
        keys.data = folder.resolve("data");
        keys.load();
        return keys;
    }

    @Test
    void theCurrentAndThePreviousKeyArePublishedWithoutTheirPrivateParts() throws Exception {
        KeyPair current = rsa();
        KeyPair previous = rsa();
        Path currentFile = pem("current.pem", "PRIVATE KEY", current.getPrivate().getEncoded());
        Path previousFile = pem("previous.pem", "PUBLIC KEY", previous.getPublic().getEncoded());
        SigningKeys keys = keys(Optional.of(currentFile.toString()), Optional.of(previousFile.toString()));

        List<JWK> published = keys.published().getKeys();
        assertEquals(2, published.size());
        assertEquals(keys.current().getKeyID(), published.get(0).getKeyID(), "the current key first");
        assertEquals(keys.current().computeThumbprint().toString(), keys.current().getKeyID(), "kid is the RFC 7638 thumbprint");
        assertNotEquals(published.get(0).getKeyID(), published.get(1).getKeyID());
        assertTrue(published.stream().noneMatch(JWK::isPrivate));
        assertTrue(keys.current().isPrivate());
    }

    @Test
    void withoutASettingAKeyIsGeneratedOnceOwnerOnlyAndKept() throws Exception {
        SigningKeys first = keys(Optional.empty(), Optional.empty());
        Path file = folder.resolve("data/secrets/jwt-signing-key.pem");
        assertTrue(Files.exists(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        SigningKeys second = keys(Optional.empty(), Optional.empty());
        assertEquals(first.current().getKeyID(), second.current().getKeyID(), "the same key after a restart");
        assertEquals(1, second.published().getKeys().size());
    }

    @Test
    void aPublicKeyCannotSignAndGarbageIsRefusedAtStart() throws Exception {
        Path publicOnly = pem("public.pem", "PUBLIC KEY", rsa().getPublic().getEncoded());
        assertThrows(IllegalStateException.class, () -> keys(Optional.of(publicOnly.toString()), Optional.empty()));
        Path garbage = folder.resolve("garbage.pem");
        Files.writeString(garbage, "not a key");
        assertThrows(IllegalStateException.class, () -> keys(Optional.of(garbage.toString()), Optional.empty()));
        assertThrows(IllegalStateException.class, () -> keys(Optional.of(folder.resolve("missing.pem").toString()), Optional.empty()));
        assertFalse(Files.exists(folder.resolve("data/secrets/jwt-signing-key.pem")), "a configured key is never replaced by a generated one");
    }
}
