package dev.onair.delivery.control;

import dev.onair.delivery.entity.Segment;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Failures hold a folder's writes back by a doubling delay, never give up, and show in its status. */
class FolderHealthTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
    private final FolderHealth health = new FolderHealth(Path.of("/hls/folder"), Duration.ofSeconds(2));
    private final Segment segment = MemoryRecords.row(1, "s1", "c1", 1, 0, false, T);

    private boolean fail(Instant at) {
        return health.outcome(new SyncWrites.Uploaded(segment.number(), segment.objectKey(), new CompletionException(new ConnectException("refused"))), at);
    }

    @Test
    void theDelayDoublesUpToTheMaximumAndNeverGivesUp() {
        assertFalse(fail(T));
        assertFalse(health.mayTry(T.plusMillis(249)));
        assertTrue(health.mayTry(T.plusMillis(250)));
        Instant at = T;
        Duration[] expected = {Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(2)};
        for (Duration delay : expected) {
            at = at.plusSeconds(5);
            fail(at);
            assertEquals(at.plus(delay), health.nextTry(at));
            assertFalse(health.mayTry(at.plus(delay).minusMillis(1)));
            assertTrue(health.mayTry(at.plus(delay)));
        }
        FolderHealth.Status status = health.status("folder", 1, T, Set.of("c1"));
        assertEquals(5, status.failures());
        assertEquals("segment channels/c1/s1/1.ts: java.net.ConnectException: refused", status.lastError(), "the cause, unwrapped");
    }

    @Test
    void aSuccessResetsTheBackoffAndCountsTheUpload() {
        fail(T);
        assertTrue(health.failing());
        assertTrue(health.outcome(new SyncWrites.Uploaded(segment.number(), segment.objectKey(), null), T.plusSeconds(1)));
        assertFalse(health.failing());
        assertTrue(health.mayTry(T.plusSeconds(1)));
        FolderHealth.Status status = health.status("folder", 0, null, Set.of());
        assertEquals(0, status.failures());
        assertNull(status.lastError());
        assertEquals(1, status.uploaded());
    }

    @Test
    void aThumbnailsFailureDoesNotHoldSegmentsBack() {
        assertFalse(health.outcome(new SyncWrites.ThumbnailMade(segment, null, new IllegalStateException("ffmpeg")), T));
        assertFalse(health.failing());
        assertTrue(health.mayTry(T));
    }
}
