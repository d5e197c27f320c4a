package dev.onair.system;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** For what OnAir derives asynchronously (last login, notices, stream states): ask until it is there. */
final class Eventually {

    private Eventually() {
    }

    /** The first value of {@code read} that satisfies {@code done} within 10 s, else the last one read. */
    static <T> T await(Supplier<T> read, Predicate<T> done) {
        return await(read, done, Duration.ofSeconds(10));
    }

    /** The first value of {@code read} that satisfies {@code done} within {@code timeout}, else the last one read. */
    static <T> T await(Supplier<T> read, Predicate<T> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return value;
            }
            value = read.get();
        }
        return value;
    }
}
