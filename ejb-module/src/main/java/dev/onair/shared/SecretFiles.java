package dev.onair.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Secrets OnAir generates for a one-machine setup and keeps under {@code ${onair.data.dir}/secrets}:
 * written once, owner-only, atomically (a second node or a crash never leaves half a file), and
 * read back on every later start.
 */
public final class SecretFiles {

    private static final Logger LOG = Logger.getLogger(SecretFiles.class.getName());

    private SecretFiles() {
    }

    /** The content of {@code file}, first creating it from {@code generator} when it does not exist. */
    public static String readOrCreate(Path file, Supplier<String> generator, String what) throws IOException {
        if (!Files.exists(file)) {
            create(file, generator.get(), what);
        }
        return Files.readString(file, StandardCharsets.US_ASCII);
    }

    private static void create(Path file, String content, String what) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's ACL applies.
            }
            Files.writeString(temporary, content, StandardCharsets.US_ASCII);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file);
            }
            LOG.info(() -> "Generated " + what + " at " + file);
        } catch (FileAlreadyExistsException anotherNodeWasFirst) {
            // Keep the one that exists.
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
