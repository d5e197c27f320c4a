package dev.onair.delivery.control;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How a folder's sync is doing, and its backoff. Any failure toward S3 (a segment, a playlist, a
 * replay) holds every write of the folder back by a delay that starts at {@link #FIRST_RETRY} and
 * doubles up to {@code onair.delivery.max-retry-delay}; the first success resets it. Nothing is
 * ever given up: the delay only says when to try again. The failures are logged at the first and
 * every {@link #LOG_EVERY}th, never once per retry.
 */
public final class FolderHealth {

    private static final Logger LOG = Logger.getLogger(FolderHealth.class.getName());
    static final Duration FIRST_RETRY = Duration.ofMillis(250);
    static final int LOG_EVERY = 20;

    /** What the folder's sync reports, for health. */
    public record Status(String folder, int waiting, Instant oldestWaitingSince, int failures, String lastError,
                         Set<String> channels, long uploaded) {
    }

    private final Path dir;
    private final Duration maxDelay;
    private int failures;
    private String lastError;
    private Duration delay = Duration.ZERO;
    private Instant retryAt = Instant.MIN;
    private long uploaded;

    public FolderHealth(Path dir, Duration maxDelay) {
        this.dir = dir;
        this.maxDelay = maxDelay;
    }

    /** Counts a write's outcome (a thumbnail's does not count): true when it succeeded. */
    public boolean outcome(SyncWrites.Done result, Instant now) {
        if (result instanceof SyncWrites.ThumbnailMade) {
            return result.failure() == null;
        }
        if (result.failure() != null) {
            failed(describe(result), result.failure(), now);
            return false;
        }
        succeeded();
        if (result instanceof SyncWrites.Uploaded) {
            uploaded++;
        }
        return true;
    }

    private static String describe(SyncWrites.Done result) {
        if (result instanceof SyncWrites.Uploaded u) {
            return "segment " + u.key();
        }
        if (result instanceof SyncWrites.LiveWritten w) {
            return "live playlist of channel " + w.write().channelId();
        }
        return "replay of channel " + ((SyncWrites.ReplayWritten) result).replay().channelId();
    }

    /** A write to S3 failed: the next tries wait for the doubled delay. */
    void failed(String what, Throwable failure, Instant now) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        failures++;
        lastError = what + ": " + cause;
        delay = delay.isZero() ? FIRST_RETRY : delay.multipliedBy(2);
        if (delay.compareTo(maxDelay) > 0) {
            delay = maxDelay;
        }
        retryAt = now.plus(delay);
        if (failures == 1 || failures % LOG_EVERY == 0) {
            LOG.log(Level.WARNING, "Delivery of {0} failed ({1} failure(s) in a row; trying again in {2} ms): {3}",
                    new Object[] {what, failures, delay.toMillis(), String.valueOf(cause)});
        }
    }

    /** A write to S3 succeeded: no more waiting. */
    void succeeded() {
        if (failures > 0) {
            LOG.log(Level.INFO, "Delivery from {0} works again after {1} failure(s)", new Object[] {dir, failures});
        }
        failures = 0;
        lastError = null;
        delay = Duration.ZERO;
        retryAt = Instant.MIN;
    }

    /** Whether writes may be tried at {@code now} (the backoff has run out). */
    public boolean mayTry(Instant now) {
        return !now.isBefore(retryAt);
    }

    /** When the next try may happen after a failure at {@code now}. */
    public Instant nextTry(Instant now) {
        return now.plus(delay);
    }

    public boolean failing() {
        return failures > 0;
    }

    public Status status(String folder, int waiting, Instant oldestWaitingSince, Set<String> channels) {
        return new Status(folder, waiting, oldestWaitingSince, failures, lastError, Set.copyOf(channels), uploaded);
    }
}
