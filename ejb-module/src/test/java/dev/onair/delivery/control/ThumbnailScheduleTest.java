package dev.onair.delivery.control;

import dev.onair.delivery.entity.Segment;
import dev.onair.delivery.entity.Thumbnail;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A thumbnail per channel per interval, from the live edge only, and never of a deleted file. */
class ThumbnailScheduleTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
    private final ThumbnailSchedule schedule = new ThumbnailSchedule(Duration.ofSeconds(30));
    private final List<Long> started = new ArrayList<>();

    private void offer(Segment segment, boolean fresh, boolean failing, Instant at) {
        schedule.offer(segment, fresh, failing, at, (s, now) -> started.add(s.id()));
    }

    @Test
    void oneThumbnailPerIntervalFromTheLiveEdgeWhileTheStoreWorks() {
        offer(MemoryRecords.row(1, "s1", "c1", 1, 0, false, T), false, false, T);
        offer(MemoryRecords.row(2, "s1", "c1", 2, 1, false, T), true, true, T);
        offer(MemoryRecords.row(3, "s1", "c1", 3, 2, false, T), true, false, T);
        offer(MemoryRecords.row(4, "s1", "c1", 4, 3, false, T), true, false, T.plusSeconds(29));
        offer(MemoryRecords.row(5, "s1", "c2", 1, 0, false, T), true, false, T.plusSeconds(29));
        offer(MemoryRecords.row(6, "s1", "c1", 5, 4, false, T), true, false, T.plusSeconds(30));
        assertEquals(List.of(3L, 5L, 6L), started, "not from a backlog, not while failing, each channel every 30 s");
    }

    @Test
    void aSegmentIsNotAskedTwiceWhenTheNodeIsBusy() {
        Segment segment = MemoryRecords.row(1, "s1", "c1", 1, 0, false, T);
        schedule.offer(segment, true, false, T, (s, now) -> false);
        assertTrue(schedule.due("c1", T), "the node was making another: the next segment gets the turn");
        assertTrue(schedule.holdsNothing());
    }

    @Test
    void aFileIsKeptWhileAThumbnailIsMadeOfItThenDeleted() {
        MemoryRecords records = new MemoryRecords();
        Segment segment = MemoryRecords.row(1, "s1", "c1", 1, 0, false, T);
        offer(segment, true, false, T);
        assertFalse(schedule.mayDelete(segment), "ffmpeg reads it");
        Thumbnail thumbnail = new Thumbnail("c1", T, "channels/c1/thumbnails/1.jpg");
        assertTrue(schedule.made(new SyncWrites.ThumbnailMade(segment, thumbnail, null), records), "deleted once the thumbnail is done");
        assertEquals(List.of(thumbnail), records.thumbnails);
        assertTrue(schedule.holdsNothing());
        assertTrue(schedule.mayDelete(segment));
    }

    @Test
    void aFailedThumbnailKeepsNoRowAndReleasesTheFile() {
        MemoryRecords records = new MemoryRecords();
        Segment segment = MemoryRecords.row(1, "s1", "c1", 1, 0, false, T);
        offer(segment, true, false, T);
        assertFalse(schedule.made(new SyncWrites.ThumbnailMade(segment, null, new IllegalStateException("ffmpeg")), records),
                "nobody asked to delete it meanwhile");
        assertTrue(records.thumbnails.isEmpty());
        assertTrue(schedule.holdsNothing());
    }
}
