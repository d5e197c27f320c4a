package dev.onair.delivery.control;

import dev.onair.delivery.entity.Segment;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The waiting segments: a bounded window in memory, the rest in the database, oldest first. */
class UploadQueueTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    private static List<Segment> rows(int from, int count, Instant listedAt) {
        return IntStream.range(from, from + count).mapToObj(i -> MemoryRecords.row(i, "s1", "c1", i, i, false, listedAt)).toList();
    }

    @Test
    void memoryHoldsAWindowOfRowsAndTheDatabaseTheRest() {
        List<Segment> database = new ArrayList<>(rows(0, 200, T));
        UploadQueue queue = new UploadQueue();
        List<Integer> asked = new ArrayList<>();
        queue.refill(max -> {
            asked.add(max);
            return database.subList(0, Math.min(max, database.size()));
        }, Set::of, T);
        assertEquals(List.of(UploadQueue.WINDOW), asked);
        List<UploadQueue.Start> started = queue.start(4);
        assertEquals(List.of(0L, 1L, 2L, 3L), started.stream().map(s -> s.segment().id()).toList(), "oldest first, at most 4 in flight");
        assertTrue(queue.start(4).isEmpty(), "4 are in flight already");
        queue.refill(max -> database, Set::of, T);
        assertEquals(UploadQueue.WINDOW, queue.waiting(), "the window is not empty: nothing is loaded");
    }

    @Test
    void aFailedUploadGoesBackToTheHeadAndIsTriedAgain() {
        UploadQueue queue = new UploadQueue();
        queue.refill(max -> rows(0, 3, T), Set::of, T.minusSeconds(1));
        UploadQueue.Start first = queue.start(1).get(0);
        queue.finished(first.segment().number(), false);
        assertEquals(first.segment().id(), queue.start(1).get(0).segment().id(), "no later segment overtakes it");
    }

    @Test
    void rowsListedBeforeThisSyncStartedAreLookedForInS3First() {
        UploadQueue queue = new UploadQueue();
        List<Segment> database = new ArrayList<>(rows(0, 1, T.minusSeconds(60)));
        database.addAll(rows(1, 1, T.plusSeconds(1)));
        queue.refill(max -> database, Set::of, T);
        List<UploadQueue.Start> started = queue.start(2);
        assertTrue(started.get(0).verifyFirst(), "an earlier OnAir may have uploaded it before it stopped");
        assertFalse(started.get(1).verifyFirst());
    }

    @Test
    void newRowsJoinTheWindowOnlyWhenNothingOlderWaitsInTheDatabase() {
        UploadQueue queue = new UploadQueue();
        queue.offer(rows(0, 1, T));
        assertEquals(1, queue.waiting(), "before the first refill the database may hold older rows");
        assertTrue(queue.start(4).isEmpty(), "so the new row is not taken ahead of them");
        queue.refill(max -> rows(0, 1, T), Set::of, T);
        assertEquals(1, queue.start(4).size());
        queue.offer(rows(1, 2, T));
        assertEquals(List.of(1L, 2L), queue.start(4).stream().map(s -> s.segment().id()).toList());
    }

    @Test
    void rowsUploadedButNotMarkedAreNotLoadedAgain() {
        UploadQueue queue = new UploadQueue();
        queue.refill(max -> rows(0, 3, T), () -> Set.of(0L, 1L), T);
        assertEquals(List.of(2L), queue.start(4).stream().map(s -> s.segment().id()).toList());
        assertTrue(queue.holds("c1"));
        queue.finished(2, true);
        assertFalse(queue.holds("c1"));
        assertTrue(queue.nothingInFlight());
    }

    private static final SyncRecords.FolderPublish PUBLISH = new SyncRecords.FolderPublish("s1", "c1", false, T, null);

    private static List<SyncRecords.Listed> listed(long... numbers) {
        return LongStream.of(numbers).mapToObj(n -> new SyncRecords.Listed(PUBLISH, n, Duration.ofSeconds(2))).toList();
    }

    /** A queue whose database holds nothing waiting: the live edge. */
    private static UploadQueue caughtUp() {
        UploadQueue queue = new UploadQueue();
        queue.refill(max -> List.of(), Set::of, T);
        return queue;
    }

    @Test
    void aChannelWithQueuedSegmentsIsCatchingUp() {
        UploadQueue queue = new UploadQueue();
        assertTrue(queue.catchingUp("c1"), "before the first refill the database may hold a backlog");
        queue = caughtUp();
        assertFalse(queue.catchingUp("c1"));
        queue.offer(rows(0, 3, T));
        queue.start(1);
        assertTrue(queue.catchingUp("c1"), "two wait behind the one in flight");
        assertFalse(queue.catchingUp("c2"));
        queue.start(4);
        assertFalse(queue.catchingUp("c1"), "all in flight: the next completion is the live edge");
    }

    @Test
    void theLiveEdgeStartsUploadingBeforeItsRowIsRecordedAndTheRowTakesThatUpload() {
        UploadQueue queue = caughtUp();
        assertEquals(Map.of(5L, "channels/c1/s1/5.ts"), queue.startEarly(listed(5), "private/", 4));
        assertEquals(Map.of(), queue.startEarly(listed(5), "private/", 4), "the same listing read again: not started twice");
        queue.offer(rows(5, 1, T));
        assertTrue(queue.start(4).isEmpty(), "its upload is the one in flight");
        assertTrue(queue.holds("c1"));
        assertEquals(Optional.of(5L), queue.finished(5, true).map(Segment::number), "the upload counts for the row");
        assertTrue(queue.nothingInFlight());
        assertEquals(0, queue.waiting());
    }

    @Test
    void nothingStartsEarlyAheadOfWaitingRowsOrBeyondTheLimit() {
        assertEquals(Map.of(), new UploadQueue().startEarly(listed(5), "private/", 4), "the database may hold older rows");
        UploadQueue queue = caughtUp();
        queue.offer(rows(4, 1, T));
        assertEquals(Map.of(), queue.startEarly(listed(5), "private/", 4), "row 4 waits: 5 does not overtake it");
        queue = caughtUp();
        assertEquals(Map.of(), queue.startEarly(listed(1, 2, 3, 4, 5), "private/", 4), "a backlog goes through the queue");
        assertEquals(4, queue.startEarly(listed(1, 2, 3, 4), "private/", 4).size());
    }

    @Test
    void anEarlyUploadWhoseRowWasNotRecordedCountsForNothing() {
        UploadQueue queue = caughtUp();
        queue.startEarly(listed(5), "private/", 4);
        assertFalse(queue.nothingInFlight(), "a failed step does not start over under it");
        assertEquals(Optional.empty(), queue.finished(5, true), "the commit failed: no row to mark");
        assertTrue(queue.nothingInFlight());
        queue.offer(rows(5, 1, T));
        assertEquals(List.of(5L), queue.start(4).stream().map(s -> s.segment().number()).toList(), "recorded later, uploaded again");
    }

    @Test
    void aRowRecordedUnderAnotherKeyWaitsForTheEarlyUploadOfItsFile() {
        UploadQueue queue = caughtUp();
        queue.startEarly(List.of(new SyncRecords.Listed(new SyncRecords.FolderPublish("s1", "c1", true, T, null), 5,
                Duration.ofSeconds(2))), "private/", 4);
        queue.offer(rows(5, 1, T));
        assertTrue(queue.start(4).isEmpty(), "private/channels/c1/s1/5.ts is not the row's key: the row waits");
        assertEquals(Optional.empty(), queue.finished(5, true));
        assertEquals(List.of(5L), queue.start(4).stream().map(s -> s.segment().number()).toList());
    }
}
