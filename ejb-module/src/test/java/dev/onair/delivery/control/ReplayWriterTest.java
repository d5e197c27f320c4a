package dev.onair.delivery.control;

import dev.onair.delivery.entity.Segment;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every broadcast leaves one replay, written once all of it is in S3. */
class ReplayWriterTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
    private final MemoryRecords records = new MemoryRecords();
    private final LiveWindows windows = new LiveWindows(records);
    private final ReplayWriter writer = new ReplayWriter();

    /** Channel c1: two publishes (a reconnect), two segments each, all uploaded; the channel ended at {@code T}. */
    private void broadcast(boolean uploadAll) {
        records.publish("folder", "s1", "c1", T.minusSeconds(60));
        records.publish("folder", "s2", "c1", T.minusSeconds(30));
        List<Segment> rows = records.commit("folder", List.of(
                records.listed("s1", 1, Duration.ofSeconds(2)), records.listed("s1", 2, Duration.ofSeconds(2)),
                records.listed("s2", 3, Duration.ofSeconds(2)), records.listed("s2", 4, Duration.ofMillis(1500))),
                List.of(), T);
        List<Long> ids = rows.stream().map(Segment::id).limit(uploadAll ? 4 : 3).toList();
        records.commit("folder", List.of(), ids, T);
        records.endPublish("s1", T.minusSeconds(40));
        records.endPublish("s2", T);
        records.endChannel("c1");
        writer.expect("c1", T);
    }

    @Test
    void theReplayListsEverySegmentOfEveryPublishOnceNginxHadTimeToListTheLast() {
        broadcast(true);
        assertTrue(writer.due(T.plusSeconds(1), id -> false, records, windows, 10).isEmpty(), "nginx may still list the last segment");
        List<ReplayWriter.Job> jobs = writer.due(T.plus(ReplayWriter.GRACE).plusSeconds(1), id -> false, records, windows, 10);
        assertEquals(1, jobs.size());
        ReplayWriter.Job job = jobs.get(0);
        assertEquals("channels/c1/replay.m3u8", job.replay().objectKey());
        assertEquals(4, job.replay().segmentCount());
        assertEquals(2, job.replay().publishCount());
        assertEquals(Duration.ofMillis(7500), job.replay().duration());
        assertTrue(job.vod().contains("#EXT-X-PLAYLIST-TYPE:VOD") && job.vod().endsWith("#EXT-X-ENDLIST\n"), job.vod());
        assertTrue(job.vod().indexOf("s1/2.ts") < job.vod().indexOf("#EXT-X-DISCONTINUITY")
                && job.vod().indexOf("#EXT-X-DISCONTINUITY") < job.vod().indexOf("s2/3.ts"), "the reconnect is a discontinuity: " + job.vod());
        assertTrue(job.finalLive().endsWith("#EXT-X-ENDLIST\n"), job.finalLive());
        assertTrue(writer.due(T.plusSeconds(60), id -> false, records, windows, 10).isEmpty(), "one replay is being written");
        writer.written(job.replay(), records);
        assertTrue(records.replay("c1").isPresent());
        writer.expect("c1", T.plusSeconds(61));
        assertTrue(writer.due(T.plusSeconds(62), id -> false, records, windows, 10).isEmpty(), "and never a second");
        assertTrue(writer.idle());
    }

    @Test
    void notWhileASegmentOfTheChannelIsNotInS3() {
        broadcast(false);
        Instant later = T.plusSeconds(30);
        assertTrue(writer.due(later, id -> false, records, windows, 10).isEmpty(), "a segment is not uploaded");
        assertTrue(writer.due(later.plusSeconds(5), id -> true, records, windows, 10).isEmpty(), "the sync still holds one");
        records.commit("folder", List.of(), List.of(4L), later);
        assertEquals(1, writer.due(later.plusSeconds(5), id -> false, records, windows, 10).size());
    }

    @Test
    void aFailedWriteIsTriedAgainAfterTheBackoff() {
        broadcast(true);
        Instant at = T.plusSeconds(10);
        ReplayWriter.Job job = writer.due(at, id -> false, records, windows, 10).get(0);
        writer.failed(job.replay(), at.plusSeconds(2));
        assertTrue(writer.due(at.plusSeconds(1), id -> false, records, windows, 10).isEmpty());
        assertEquals(1, writer.due(at.plusSeconds(2), id -> false, records, windows, 10).size());
    }

    @Test
    void aChannelThatNeverCutASegmentHasNoReplay() {
        records.publish("folder", "s1", "c2", T.minusSeconds(60));
        records.endPublish("s1", T.minusSeconds(50));
        records.endChannel("c2");
        writer.expect("c2", T);
        assertTrue(writer.due(T, id -> false, records, windows, 10).isEmpty());
        assertTrue(writer.idle(), "nothing more is expected of it");
    }
}
