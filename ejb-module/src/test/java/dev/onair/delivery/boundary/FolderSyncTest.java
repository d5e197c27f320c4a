package dev.onair.delivery.boundary;

import dev.onair.delivery.control.LiveWindows;
import dev.onair.delivery.control.MemoryBucket;
import dev.onair.delivery.control.MemoryRecords;
import dev.onair.delivery.control.PlaylistReader;
import dev.onair.delivery.control.TestSettings;
import dev.onair.delivery.control.Thumbnailer;
import dev.onair.delivery.entity.Segment;
import dev.onair.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A folder's sync end to end over an in-memory bucket and rows, on the calling thread: the
 * rules a reader of the sync should know, each shown once.
 */
class FolderSyncTest {

    private static final String FOLDER = "key-abc";
    private static final String LIVE = "channels/c1/live.m3u8";

    @TempDir
    Path root;

    private final MemoryRecords records = new MemoryRecords();
    private final MemoryBucket bucket = new MemoryBucket();
    /** An hour ahead of the files' times: no listing is the live edge, so no thumbnail is made. */
    private final TestClock clock = new TestClock(Instant.now().plus(Duration.ofHours(1)));

    private FolderSync sync() {
        return new FolderSync(FOLDER, root, records, bucket, new Thumbnailer(), Runnable::run,
                TestSettings.delivery(Map.of("onair.delivery.max-retry-delay", "PT2S")), clock);
    }

    /** nginx cuts segments {@code numbers} and renames a playlist listing them into place. */
    private void nginxCuts(String playlist, long... numbers) throws Exception {
        Path dir = Files.createDirectories(root.resolve(FOLDER));
        for (long n : numbers) {
            Files.write(dir.resolve(n + ".ts"), ("segment " + n).getBytes());
        }
        Files.writeString(dir.resolve(PlaylistReader.PLAYLIST), "#EXTM3U\n#EXT-X-TARGETDURATION:2\n" + playlist);
    }

    private static String entries(long... numbers) {
        StringBuilder text = new StringBuilder();
        for (long n : numbers) {
            text.append("#EXTINF:2.000,\n").append(n).append(".ts\n");
        }
        return text.toString();
    }

    private boolean onDisk(long number) {
        return Files.exists(root.resolve(FOLDER).resolve(number + ".ts"));
    }

    @Test
    void segmentsReachS3BeforeThePlaylistThatNamesThemAndFilesGoOnlyOnceItIsThere() throws Exception {
        records.publish(FOLDER, "s1", "c1", clock.instant().minus(Duration.ofHours(2)));
        nginxCuts(entries(0, 1), 0, 1);
        bucket.hold = key -> key.equals(LIVE);
        FolderSync sync = sync();
        sync.wake();

        assertTrue(bucket.objects.containsKey("channels/c1/s1/0.ts") && bucket.objects.containsKey("channels/c1/s1/1.ts"));
        assertFalse(bucket.objects.containsKey(LIVE), "held by the test");
        assertTrue(onDisk(0) && onDisk(1), "no playlist in S3 names them yet: the files stay");
        assertTrue(records.segments().stream().noneMatch(Segment::uploaded));

        bucket.release();
        MemoryBucket.Put live = bucket.puts.stream().filter(p -> p.key().equals(LIVE)).findFirst().orElseThrow();
        assertTrue(live.present().containsAll(List.of("channels/c1/s1/0.ts", "channels/c1/s1/1.ts")), "segment before playlist");
        assertEquals("public, max-age=1", live.cacheControl());
        assertEquals(1, records.commits, "the marks wait for the next listing's transaction");
        assertTrue(onDisk(0) && onDisk(1), "so do the files: a row says uploaded before its file goes");

        nginxCuts(entries(0, 1, 2), 2);
        sync.wake();
        assertEquals(2, records.commits, "one transaction recorded segment 2 and marked 0 and 1");
        assertTrue(records.segments().stream().filter(s -> s.number() < 2).allMatch(Segment::uploaded));
        assertFalse(onDisk(0) || onDisk(1));
        assertTrue(onDisk(2), "named by a playlist, not marked yet");
        assertEquals(0, sync.status().waiting());

        clock.advance(LiveWindows.MARKS_WAIT);
        sync.wake();
        assertEquals(3, records.commits, "with no listing to ride along with, marks go alone after a while");
        assertFalse(onDisk(2));
        assertTrue(records.segments().stream().allMatch(Segment::uploaded));
    }

    @Test
    void theLiveEdgeIsUploadedWhileItsRowIsRecordedAndAFailedCommitLosesNothing() throws Exception {
        records.publish(FOLDER, "s1", "c1", clock.instant().minus(Duration.ofHours(2)));
        nginxCuts(entries(0), 0);
        FolderSync sync = sync();
        sync.wake();
        List<Boolean> inS3AtCommit = new ArrayList<>();
        records.beforeCommit = () -> inS3AtCommit.add(bucket.objects.containsKey("channels/c1/s1/1.ts"));
        nginxCuts(entries(0, 1), 1);
        sync.wake();
        assertEquals(List.of(true), inS3AtCommit, "segment 1 was put while its row was being written");
        assertTrue(bucket.text(LIVE).contains("s1/1.ts"));

        records.beforeCommit = () -> { };
        records.failCommits = 1;
        nginxCuts(entries(0, 1, 2), 2);
        sync.wake();
        assertTrue(bucket.objects.containsKey("channels/c1/s1/2.ts"), "put before the commit failed");
        for (int i = 0; i < 20 && !bucket.text(LIVE).contains("s1/2.ts"); i++) {
            clock.advance(Duration.ofSeconds(1));
            sync.wake();
        }
        assertTrue(bucket.text(LIVE).contains("s1/2.ts"), "recorded after all, and named once in S3");
        assertEquals(List.of(0L, 1L, 2L), records.segments().stream().map(Segment::number).toList(), "each recorded once");
    }

    @Test
    void aStoreThatFailsIsTriedAgainForAsLongAsItTakes() throws Exception {
        records.publish(FOLDER, "s1", "c1", clock.instant().minus(Duration.ofHours(2)));
        nginxCuts(entries(0, 1, 2), 0, 1, 2);
        bucket.failures = 40;
        FolderSync sync = sync();
        sync.wake();
        assertEquals(3, sync.status().waiting());
        assertTrue(sync.status().failures() > 0);
        assertTrue(sync.status().lastError().contains("the store is away"), sync.status().lastError());
        for (int i = 0; i < 200 && !records.segments().stream().allMatch(Segment::uploaded); i++) {
            clock.advance(Duration.ofMillis(500));
            sync.wake();
        }
        assertTrue(records.segments().stream().allMatch(Segment::uploaded), "every segment made it in the end");
        assertEquals(0, sync.status().failures());
        assertEquals(3, sync.status().uploaded());
        assertTrue(bucket.text(LIVE).contains("s1/2.ts"));
    }

    @Test
    void aBroadcastWithAReconnectLeavesOneReplayOfEverySegment() throws Exception {
        Instant start = clock.instant().minus(Duration.ofHours(2));
        records.publish(FOLDER, "s1", "c1", start);
        nginxCuts(entries(0, 1), 0, 1);
        FolderSync sync = sync();
        sync.wake();
        records.endPublish("s1", start.plusSeconds(4));
        records.publish(FOLDER, "s2", "c1", start.plusSeconds(10));
        clock.advance(Duration.ofSeconds(1));
        nginxCuts(entries(0, 1) + "#EXT-X-DISCONTINUITY\n" + entries(2), 2);
        sync.wake();
        records.endPublish("s2", clock.instant());
        records.endChannel("c1");
        sync.expectReplay("c1");
        assertTrue(records.replay("c1").isEmpty(), "nginx may still list the last segment");
        clock.advance(Duration.ofSeconds(5));
        sync.wake();

        String vod = bucket.text("channels/c1/replay.m3u8");
        assertTrue(vod.indexOf("s1/1.ts") < vod.indexOf("#EXT-X-DISCONTINUITY") && vod.indexOf("#EXT-X-DISCONTINUITY") < vod.indexOf("s2/2.ts"), vod);
        assertEquals(3, records.replay("c1").orElseThrow().segmentCount());
        assertEquals(2, records.replay("c1").orElseThrow().publishCount());
        assertTrue(bucket.text(LIVE).endsWith("#EXT-X-ENDLIST\n"));
    }

    @Test
    void aRestartedSyncDoesNotUploadAgainWhatAnEarlierOneUploadedButDidNotMark() throws Exception {
        records.publish(FOLDER, "s1", "c1", clock.instant().minus(Duration.ofHours(2)));
        nginxCuts(entries(0), 0);
        bucket.hold = key -> key.equals(LIVE);
        sync().wake(); // uploads 0.ts, then "stops" before its playlist lands
        clock.advance(Duration.ofSeconds(30));
        bucket.hold = key -> false;

        FolderSync restarted = sync();
        restarted.wake();
        clock.advance(LiveWindows.MARKS_WAIT);
        restarted.wake();
        assertTrue(bucket.existsCalls.contains("channels/c1/s1/0.ts"), "looked for first");
        assertEquals(1, bucket.puts.stream().filter(p -> p.key().equals("channels/c1/s1/0.ts")).count(), "and not uploaded twice");
        assertTrue(bucket.text(LIVE).contains("s1/0.ts"));
        assertTrue(records.segments().get(0).uploaded());
        assertFalse(onDisk(0));
    }

    @Test
    void aStepTheDatabaseFailsIsStartedOverFromTheRows() throws Exception {
        records.publish(FOLDER, "s1", "c1", clock.instant().minus(Duration.ofHours(2)));
        nginxCuts(entries(0, 1), 0, 1);
        records.failCommits = 1;
        FolderSync sync = sync();
        sync.wake();
        assertTrue(records.segments().isEmpty());
        clock.advance(Duration.ofSeconds(1));
        sync.wake();
        assertEquals(2, records.segments().size(), "the same listing is recorded by the next step");
        clock.advance(LiveWindows.MARKS_WAIT);
        sync.wake();
        assertTrue(records.segments().stream().allMatch(Segment::uploaded));
    }
}
