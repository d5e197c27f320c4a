package dev.onair.ingest.control;

import dev.onair.shared.DataFolder;
import dev.onair.shared.SecretFiles;
import dev.onair.shared.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret stream keys are derived from. Taken from {@code onair.stream-keys.master-secret}
 * when set (base64, at least 32 bytes: what a cluster must share); otherwise generated once into
 * {@code ${onair.data.dir}/secrets/stream-key-master} (owner-only permissions) and read from there
 * on every later start, so keys survive restarts. Losing it changes every key shown to its owner;
 * keys already in OBS keep working until rotated, since publishes are checked against the hash.
 */
@ApplicationScoped
public class MasterSecret {

    @Inject
    IngestSettings settings;

    @Inject
    @DataFolder
    Path data;

    private StreamKeyDerivation derivation;

    @PostConstruct
    void load() {
        byte[] secret = settings.masterSecret()
                .map(MasterSecret::decode)
                .orElseGet(this::fromFile);
        derivation = new StreamKeyDerivation(secret, new SecureRandom());
    }

    public StreamKeyDerivation derivation() {
        return derivation;
    }

    static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new Settings.InvalidSetting("onair.stream-keys.master-secret", "base64 of at least "
                    + StreamKeyDerivation.MASTER_SECRET_MIN_BYTES + " random bytes", "(hidden)");
        }
    }

    private byte[] fromFile() {
        Path file = data.resolve("secrets").resolve("stream-key-master");
        try {
            return decode(SecretFiles.readOrCreate(file, () -> {
                byte[] secret = new byte[StreamKeyDerivation.MASTER_SECRET_MIN_BYTES];
                new SecureRandom().nextBytes(secret);
                return Base64.getEncoder().encodeToString(secret);
            }, "a stream-key master secret"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the stream-key master secret at " + file, e);
        }
    }
}
