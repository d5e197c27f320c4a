package dev.onair.delivery.control;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A folder's step never runs twice at once, and no wake-up is lost. */
class SerialRunnerTest {

    @Test
    void wakeUpsDuringAStepRunItOnceMoreAfterwardsNeverConcurrently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        SerialRunner runner = new SerialRunner("test", pool, () -> {
            if (inside.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            if (runs.incrementAndGet() == 1) {
                firstStarted.countDown();
                try {
                    letGo.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            inside.decrementAndGet();
        });
        runner.wake();
        assertTrue(firstStarted.await(5, TimeUnit.SECONDS));
        for (int i = 0; i < 100; i++) {
            runner.wake();
        }
        letGo.countDown();
        pool.shutdown();
        for (int i = 0; i < 500 && (runner.running() || runs.get() < 2); i++) {
            Thread.sleep(10);
        }
        assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
        assertEquals(0, overlaps.get());
        assertEquals(2, runs.get(), "a hundred wake-ups during the first run make exactly one more");
        assertFalse(runner.running());
    }

    @Test
    void aFailingStepIsLoggedAndRunsAgainWhenWoken() {
        AtomicInteger runs = new AtomicInteger();
        SerialRunner runner = new SerialRunner("test", Runnable::run, () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("the database is away");
        });
        runner.wake();
        runner.wake();
        assertEquals(2, runs.get());
        runner.stop();
        runner.wake();
        assertEquals(2, runs.get(), "stopped");
    }
}
