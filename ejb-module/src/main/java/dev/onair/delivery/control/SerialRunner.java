package dev.onair.delivery.control;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a step on an executor when woken, never twice at once: a wake-up while the step runs makes
 * it run once more afterwards, so no wake-up is lost and none piles up. This is what makes a
 * folder's sync an actor: its state is touched by its step only.
 */
public final class SerialRunner {

    private static final Logger LOG = Logger.getLogger(SerialRunner.class.getName());

    private final String name;
    private final Executor executor;
    private final Runnable step;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopped;

    /** {@code step} may throw: it is logged, and the next wake-up runs it again. */
    public SerialRunner(String name, Executor executor, Runnable step) {
        this.name = name;
        this.executor = executor;
        this.step = step;
    }

    /** Runs the step soon: now on the executor, or after the run in progress. */
    public void wake() {
        again.set(true);
        if (!stopped && running.compareAndSet(false, true)) {
            try {
                executor.execute(this::run);
            } catch (RuntimeException e) {
                running.set(false); // the server stops: the next start resumes from the database
                LOG.log(e instanceof RejectedExecutionException ? Level.FINE : Level.WARNING, "Cannot schedule " + name, e);
            }
        }
    }

    /** No more runs after the one in progress. */
    public void stop() {
        stopped = true;
    }

    public boolean running() {
        return running.get();
    }

    private void run() {
        do {
            again.set(false);
            try {
                step.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, name + " failed a step; the next wake-up tries again", e);
            }
            running.set(false);
        } while (again.get() && !stopped && running.compareAndSet(false, true));
    }
}
