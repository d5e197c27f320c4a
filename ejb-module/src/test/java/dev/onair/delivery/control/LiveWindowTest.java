package dev.onair.delivery.control;

import dev.onair.delivery.entity.Segment;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live edge: a playlist names only segments in S3 with every segment before them. */
class LiveWindowTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
    private final MemoryRecords records = new MemoryRecords();

    private static Segment seg(int seq) {
        return MemoryRecords.row(100 + seq, "s1", "c1", 10 + seq, seq, false, T);
    }

    @Test
    void aSegmentUploadedAheadOfAGapWaitsForIt() {
        LiveWindow window = LiveWindow.load("c1", records);
        window.uploaded(seg(1));
        assertTrue(window.due(10).isEmpty(), "segment 1 is in S3 but segment 0 is not: no playlist may name it");
        assertEquals(1, window.holding());
        window.uploaded(seg(0));
        LiveWindow.Write write = window.due(10).orElseThrow();
        assertEquals(List.of(seg(0).id(), seg(1).id()), write.covered().stream().map(Segment::id).toList());
        assertEquals("channels/c1/live.m3u8", write.key());
        assertTrue(write.text().contains("#EXT-X-MEDIA-SEQUENCE:0\n"), write.text());
        assertTrue(write.text().indexOf("s1/10.ts") < write.text().indexOf("s1/11.ts"), write.text());
    }

    @Test
    void oneWriteAtATimeAndEachNamesOnlyWhatIsNew() {
        LiveWindow window = LiveWindow.load("c1", records);
        window.uploaded(seg(0));
        LiveWindow.Write first = window.due(10).orElseThrow();
        window.uploaded(seg(1));
        assertTrue(window.due(10).isEmpty(), "a playlist is being written");
        assertTrue(window.busy());
        window.written();
        LiveWindow.Write second = window.due(10).orElseThrow();
        assertEquals(List.of(seg(0).id()), first.covered().stream().map(Segment::id).toList());
        assertEquals(List.of(seg(1).id()), second.covered().stream().map(Segment::id).toList());
        assertTrue(second.text().contains("s1/10.ts") && second.text().contains("s1/11.ts"), "the window keeps the older segment");
    }

    @Test
    void aFailedWriteHandsItsSegmentsToTheNext() {
        LiveWindow window = LiveWindow.load("c1", records);
        window.uploaded(seg(0));
        LiveWindow.Write failed = window.due(10).orElseThrow();
        window.failed(failed);
        window.uploaded(seg(1));
        LiveWindow.Write next = window.due(10).orElseThrow();
        assertEquals(List.of(seg(0).id(), seg(1).id()), next.covered().stream().map(Segment::id).toList(),
                "segment 0 is marked only once a playlist that names it is in S3");
    }

    @Test
    void sequencesCountFromTheChannelsFirstSegmentAcrossReconnects() {
        LiveWindow window = LiveWindow.load("c1", records);
        for (int seq = 0; seq < 6; seq++) {
            window.uploaded(MemoryRecords.row(100 + seq, seq < 3 ? "s1" : "s2", "c1", 10 + seq, seq, seq == 3, T));
        }
        String text = window.due(3).orElseThrow().text();
        assertTrue(text.contains("#EXT-X-MEDIA-SEQUENCE:3\n"), text);
        assertTrue(text.contains("#EXT-X-DISCONTINUITY-SEQUENCE:1\n"), "the reconnect's discontinuity slid to the window's start: " + text);
        assertFalse(text.contains("#EXT-X-DISCONTINUITY\n"), "a window never starts with the tag itself: " + text);
        assertFalse(text.contains("#EXT-X-ENDLIST"), text);
        assertTrue(window.finalPlaylist(3).orElseThrow().endsWith("#EXT-X-ENDLIST\n"));
    }

    @Test
    void aWindowLoadedFromTheRowsContinuesWhereTheLastStopped() {
        records.publish("folder", "s1", "c1", T);
        List<Segment> recorded = records.commit("folder", List.of(
                records.listed("s1", 10, Duration.ofSeconds(2)),
                records.listed("s1", 11, Duration.ofSeconds(2))), List.of(), T);
        records.commit("folder", List.of(), recorded.stream().map(Segment::id).toList(), T);
        LiveWindow window = LiveWindow.load("c1", records);
        window.uploaded(MemoryRecords.row(500, "s1", "c1", 12, 2, false, T));
        LiveWindow.Write write = window.due(10).orElseThrow();
        assertEquals(1, write.covered().size(), "the reloaded segments were marked already");
        assertTrue(write.text().contains("s1/10.ts") && write.text().contains("s1/12.ts"), write.text());
    }
}
