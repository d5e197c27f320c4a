package dev.onair.webhooks.control;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The wait before a delivery's next try: doubling from the first wait up to the longest, with
 * "equal jitter" (half the wait fixed, half random) so that receivers that come back are not hit by
 * every retry at the same moment.
 */
public final class Backoff {

    /** Doublings beyond which the wait is the longest anyway (2^30 times the first wait). */
    private static final int MAX_DOUBLINGS = 30;

    private final Duration first;
    private final Duration max;
    private final RandomGenerator random;

    public Backoff(Duration first, Duration max, RandomGenerator random) {
        this.first = first;
        this.max = max;
        this.random = random;
    }

    /** The wait after the {@code failures}-th failure in a row (1 for the first). */
    public Duration after(int failures) {
        int doublings = Math.min(Math.max(0, failures - 1), MAX_DOUBLINGS);
        long millis = Math.min(max.toMillis(), first.toMillis() << doublings);
        long half = millis / 2;
        return Duration.ofMillis(half + (half > 0 ? random.nextLong(half + 1) : 0));
    }
}
