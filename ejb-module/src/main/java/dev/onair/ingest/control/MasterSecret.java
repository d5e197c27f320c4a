package dev.onair.ingest.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The secret stream keys are derived from. Taken from {@code onair.stream-keys.master-secret}
 * when set (base64, at least 32 bytes: what a cluster must share); otherwise generated once into
 * {@code ${onair.data.dir}/secrets/stream-key-master} (owner-only permissions) and read from there
 * on every later start, so keys survive restarts. Losing it changes every key shown to its owner;
 * keys already in OBS keep working until rotated, since publishes are checked against the hash.
 */
@ApplicationScoped
public class MasterSecret {

    private static final Logger LOG = Logger.getLogger(MasterSecret.class.getName());

    @Inject
    @ConfigProperty(name = "onair.stream-keys.master-secret")
    Optional<String> configured;

    @Inject
    @ConfigProperty(name = "onair.data.dir")
    String dataDir;

    private StreamKeyDerivation derivation;

    @PostConstruct
    void load() {
        byte[] secret = configured.filter(s -> !s.isBlank())
                .map(MasterSecret::decode)
                .orElseGet(this::fromFile);
        derivation = new StreamKeyDerivation(secret, new SecureRandom());
    }

    public StreamKeyDerivation derivation() {
        return derivation;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("onair.stream-keys.master-secret is not valid base64");
        }
    }

    private byte[] fromFile() {
        Path file = Path.of(dataDir, "secrets", "stream-key-master");
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the stream-key master secret at " + file, e);
        }
    }

    private static void generate(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] secret = new byte[StreamKeyDerivation.MASTER_SECRET_MIN_BYTES];
        new SecureRandom().nextBytes(secret);
        Path temporary = Files.createTempFile(file.getParent(), "stream-key-master", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's ACL applies.
            }
            Files.writeString(temporary, Base64.getEncoder().encodeToString(secret), StandardCharsets.US_ASCII);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file);
            }
            LOG.info(() -> "Generated a stream-key master secret at " + file);
        } catch (FileAlreadyExistsException anotherNodeWasFirst) {
            // Keep the one that exists.
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
