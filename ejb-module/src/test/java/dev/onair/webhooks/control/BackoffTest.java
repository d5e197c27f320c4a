package dev.onair.webhooks.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {

    private static final Duration FIRST = Duration.ofSeconds(5);
    private static final Duration MAX = Duration.ofHours(1);

    @Test
    void waitsDoubleUpToTheLongestWithHalfOfEachRandom() {
        Backoff backoff = new Backoff(FIRST, MAX, new SplittableRandom(7));
        for (int failures = 1; failures <= 40; failures++) {
            long full = Math.min(MAX.toMillis(), FIRST.toMillis() << Math.min(failures - 1, 30));
            for (int i = 0; i < 50; i++) {
                long wait = backoff.after(failures).toMillis();
                assertTrue(wait >= full / 2 && wait <= full, failures + ": " + wait + " within [" + full / 2 + ", " + full + "]");
            }
        }
    }

    @Test
    void theJitterSpreadsRetries() {
        Backoff backoff = new Backoff(FIRST, MAX, new SplittableRandom(11));
        long distinct = IntStream.range(0, 100).mapToLong(i -> backoff.after(3).toMillis()).distinct().count();
        assertTrue(distinct > 50, "receivers coming back are not hit by every retry at once: " + distinct);
    }

    @Test
    void aFirstWaitOfAMillisecondStillWorks() {
        assertEquals(Duration.ZERO, new Backoff(Duration.ofMillis(1), MAX, new SplittableRandom(1)).after(1));
    }
}
