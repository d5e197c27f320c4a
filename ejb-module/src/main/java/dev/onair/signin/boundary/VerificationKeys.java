package dev.onair.signin.boundary;

import dev.onair.shared.DataFolder;
import dev.onair.shared.SecretFiles;
import dev.onair.signin.control.SigningKeys;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * Hands MicroProfile JWT the keys OnAir's access tokens are verified with, as a JWKS file it writes
 * at start-up ({@value #FILE} in the data folder; {@code mp.jwt.verify.publickey.location} points
 * at it). Not fetched over HTTP from OnAir's own port: whatever else might answer there before
 * OnAir listens (or instead of it) could hand MicroProfile JWT keys of its choosing.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class VerificationKeys {

    public static final String FILE = "jwks.json";
    private static final Logger LOG = Logger.getLogger(VerificationKeys.class.getName());

    @Inject
    SigningKeys keys;

    @Inject
    @DataFolder
    Path data;

    /** The public keys (JWKS) access tokens may be verified with: the current one, then the previous one. */
    public String publishedJson() {
        return keys.published().toString(true);
    }

    @PostConstruct
    void write() {
        Path file = data.resolve(FILE);
        try {
            SecretFiles.replace(file, keys.published().toString(true));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the token verification keys to " + file, e);
        }
        LOG.info(() -> "Access tokens are verified with the keys in " + file);
    }
}
