package dev.onair.delivery.control;

import dev.onair.delivery.entity.Segment;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Segments a written playlist names wait for their marks; files go only once marked. */
class LiveWindowsTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
    private final LiveWindows windows = new LiveWindows(new MemoryRecords());

    private LiveWindow.Write written(int seq) {
        windows.of("c1").uploaded(MemoryRecords.row(100 + seq, "s1", "c1", seq, seq, false, T));
        List<LiveWindow.Write> writes = new ArrayList<>();
        windows.writeDue(10, id -> false, T, writes::add);
        assertEquals(1, writes.size());
        windows.written(writes.get(0), T.plusSeconds(seq));
        return writes.get(0);
    }

    @Test
    void namedSegmentsWaitForAListingOrAWhileUnlessAReplayWaits() {
        assertFalse(windows.marksDue(T, true), "nothing to mark");
        written(0);
        written(1);
        assertEquals(List.of(100L, 101L), windows.named().stream().map(Segment::id).toList());
        assertFalse(windows.marksDue(T.plusSeconds(1), false), "they ride along with the next listing");
        assertTrue(windows.marksDue(T.plusSeconds(1), true), "a replay waits for them");
        assertTrue(windows.marksDue(T.plus(LiveWindows.MARKS_WAIT), false), "no listing came for a while");
        assertTrue(windows.busy("c1"), "the channel's replay waits until they are marked");
        assertEquals(Set.of(100L, 101L), windows.held(), "and they are not loaded as waiting rows meanwhile");

        List<Long> deleted = new ArrayList<>();
        windows.marked(s -> deleted.add(s.id()));
        assertEquals(List.of(100L, 101L), deleted);
        assertTrue(windows.named().isEmpty());
        assertFalse(windows.busy("c1"));
        assertFalse(windows.marksDue(T.plusSeconds(60), true));
    }

    @Test
    void aChannelCatchingUpOnABacklogHasItsPlaylistWrittenAtMostEverySecond() {
        LiveWindows catchingUp = new LiveWindows(new MemoryRecords());
        List<LiveWindow.Write> writes = new ArrayList<>();
        Instant at = T;
        for (int seq = 0; seq < 10; seq++) {
            catchingUp.of("c1").uploaded(MemoryRecords.row(100 + seq, "s1", "c1", seq, seq, false, T));
            catchingUp.writeDue(10, id -> true, at, w -> {
                writes.add(w);
                catchingUp.written(w, T);
            });
            at = at.plusMillis(250);
        }
        assertEquals(3, writes.size(), "at 0, 1 and 2 s of 2.5: each would be outdated by the next upload");
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8), writes.stream().flatMap(w -> w.covered().stream()).map(Segment::seq).toList());
        catchingUp.writeDue(10, id -> false, at, writes::add);
        assertEquals(List.of(9), writes.get(3).covered().stream().map(Segment::seq).toList(), "caught up: written at once");
    }
}
