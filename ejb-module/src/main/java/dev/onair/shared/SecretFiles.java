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
 * read back on every later start; and {@link #replace} for other files that carry a secret.
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

    /**
     * Writes {@code content} to {@code file} owner-only, replacing an older file atomically: a
     * reader sees the old content or the new, never half (files that hold a secret among other
     * things, such as nginx's configuration with the callback secret).
     */
    public static void replace(Path file, String content) throws IOException {
        Path temporary = ownerOnlyCopy(file, content);
        try {
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void create(Path file, String content, String what) throws IOException {
        Path temporary = ownerOnlyCopy(file, content);
        try {
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

    /** A new owner-only file next to {@code file} holding {@code content}. */
    private static Path ownerOnlyCopy(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's ACL applies.
            }
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            return temporary;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }
}
