package dev.onair.shared;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A housekeeping job on the server's managed scheduled executor: every {@code interval} (a setting,
 * checked to be positive at start, naming its key), first after one interval. A run that fails is
 * logged and the schedule goes on.
 */
public final class Periodic {

    private static final Logger LOG = Logger.getLogger(Periodic.class.getName());

    private final ScheduledFuture<?> task;

    private Periodic(ScheduledFuture<?> task) {
        this.task = task;
    }

    /** Schedules {@code job} ({@code what} names it in the log) every {@code interval}, the setting {@code key}. */
    public static Periodic every(ManagedScheduledExecutorService scheduler, Duration interval, String key, String what, Runnable job) {
        Settings.positive(key, interval);
        Runnable guarded = () -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, what + " failed; trying again in " + interval, e);
            }
        };
        return new Periodic(scheduler.scheduleWithFixedDelay(guarded, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS));
    }

    public void cancel() {
        task.cancel(false);
    }
}
