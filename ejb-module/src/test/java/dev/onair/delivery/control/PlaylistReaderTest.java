package dev.onair.delivery.control;

import dev.onair.delivery.control.SyncRecords.FolderPublish;
import dev.onair.delivery.control.SyncRecords.Listed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What nginx newly lists, and which publish cut it: attribution holds across reconnects. */
class PlaylistReaderTest {

    private static final Instant WRITTEN = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dir;

    private final List<Integer> publishLookups = new ArrayList<>();

    private void playlist(String body, Instant written) throws Exception {
        Path file = dir.resolve(PlaylistReader.PLAYLIST);
        Files.writeString(file, "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n" + body);
        Files.setLastModifiedTime(file, FileTime.from(written));
    }

    private List<FolderPublish> publishes(int max, FolderPublish... newestFirst) {
        publishLookups.add(max);
        return List.of(newestFirst);
    }

    private static FolderPublish publish(String id, Instant startedAt) {
        return new FolderPublish(id, "c1", false, startedAt, null);
    }

    @Test
    void eachRunOfThePlaylistBelongsToThePublishBeforeTheNext() throws Exception {
        playlist("#EXTINF:2.000,\n0.ts\n#EXTINF:1.500,\n1.ts\n#EXT-X-DISCONTINUITY\n#EXTINF:2.000,\n2.ts\n#EXTINF:2.000,\n3.ts\n", WRITTEN);
        PlaylistReader reader = new PlaylistReader(dir);
        reader.start(-1);
        FolderPublish first = publish("s1", WRITTEN.minusSeconds(60));
        FolderPublish reconnect = publish("s2", WRITTEN.minusSeconds(5));
        PlaylistReader.Listing listing = reader.read(max -> publishes(max, reconnect, first), WRITTEN.plusSeconds(1)).orElseThrow();
        assertEquals(List.of(new Listed(first, 0, Duration.ofSeconds(2)), new Listed(first, 1, Duration.ofMillis(1500)),
                new Listed(reconnect, 2, Duration.ofSeconds(2)), new Listed(reconnect, 3, Duration.ofSeconds(2))), listing.listed());
        assertEquals(3, listing.highest());
        assertTrue(listing.fresh(), "written a second ago: the live edge");
    }

    @Test
    void aPublishThatStartedAfterThePlaylistWasWrittenCutNoneOfIt() throws Exception {
        playlist("#EXTINF:2.000,\n7.ts\n", WRITTEN);
        PlaylistReader reader = new PlaylistReader(dir);
        reader.start(6);
        FolderPublish old = publish("s1", WRITTEN.minusSeconds(60));
        FolderPublish next = publish("s2", WRITTEN.plusSeconds(1));
        PlaylistReader.Listing listing = reader.read(max -> publishes(max, next, old), WRITTEN.plusSeconds(60)).orElseThrow();
        assertEquals(List.of(new Listed(old, 7, Duration.ofSeconds(2))), listing.listed());
        assertFalse(listing.fresh(), "read a minute after nginx wrote it: a backlog");
    }

    @Test
    void thePublishesAreAskedForAgainOnlyWhenANewRunMayHoldANewPublish() throws Exception {
        PlaylistReader reader = new PlaylistReader(dir);
        reader.start(-1);
        FolderPublish first = publish("s1", WRITTEN.minusSeconds(60));
        playlist("#EXTINF:2.000,\n0.ts\n", WRITTEN);
        reader.seen(reader.read(max -> publishes(max, first), WRITTEN).orElseThrow());
        playlist("#EXTINF:2.000,\n0.ts\n#EXTINF:2.000,\n1.ts\n", WRITTEN.plusSeconds(2));
        PlaylistReader.Listing steady = reader.read(max -> publishes(max, first), WRITTEN.plusSeconds(2)).orElseThrow();
        assertEquals(1, publishLookups.size(), "the same publish goes on: the last answer holds");
        assertEquals(List.of(new Listed(first, 1, Duration.ofSeconds(2))), steady.listed());
        reader.seen(steady);

        FolderPublish reconnect = publish("s2", WRITTEN.plusSeconds(3));
        playlist("#EXTINF:2.000,\n0.ts\n#EXTINF:2.000,\n1.ts\n#EXT-X-DISCONTINUITY\n#EXTINF:2.000,\n2.ts\n", WRITTEN.plusSeconds(5));
        PlaylistReader.Listing next = reader.read(max -> publishes(max, reconnect, first), WRITTEN.plusSeconds(5)).orElseThrow();
        assertEquals(2, publishLookups.size(), "a new run: a publish may have started, asked again");
        assertEquals(List.of(new Listed(reconnect, 2, Duration.ofSeconds(2))), next.listed());
        reader.seen(next);

        playlist("#EXTINF:2.000,\n1.ts\n#EXT-X-DISCONTINUITY\n#EXTINF:2.000,\n2.ts\n#EXTINF:2.000,\n5.ts\n", WRITTEN.plusSeconds(11));
        reader.read(max -> publishes(max, reconnect, first), WRITTEN.plusSeconds(11));
        assertEquals(3, publishLookups.size(), "3.ts and 4.ts slid out unread: asked again to attribute them");
        reader.forget();
        reader.start(2);
        reader.read(max -> publishes(max, reconnect, first), WRITTEN.plusSeconds(11));
        assertEquals(4, publishLookups.size(), "after forgetting, asked again");
    }

    @Test
    void segmentsNoPublishAccountsForAreNotRecorded() throws Exception {
        playlist("#EXTINF:2.000,\n1.ts\n", WRITTEN);
        PlaylistReader reader = new PlaylistReader(dir);
        reader.start(0);
        PlaylistReader.Listing listing = reader.read(max -> publishes(max, publish("s9", WRITTEN.plusSeconds(9))), WRITTEN).orElseThrow();
        assertTrue(listing.listed().isEmpty());
        assertEquals(1, listing.highest(), "but they count as seen");
    }

    @Test
    void aPlaylistIsReadOnceAndOnlyWhatIsAboveTheHighestRecordedNumber() throws Exception {
        playlist("#EXTINF:2.000,\n4.ts\n#EXTINF:2.000,\n5.ts\n", WRITTEN);
        PlaylistReader reader = new PlaylistReader(dir);
        assertFalse(reader.started());
        reader.start(4);
        PlaylistReader.Listing listing = reader.read(max -> publishes(max, publish("s1", WRITTEN.minusSeconds(9))), WRITTEN).orElseThrow();
        assertEquals(List.of(5L), listing.listed().stream().map(Listed::number).toList());
        assertTrue(reader.read(max -> publishes(max), WRITTEN).isPresent(), "not recorded yet: read again");
        reader.seen(listing);
        int lookups = publishLookups.size();
        assertTrue(reader.read(max -> publishes(max), WRITTEN).isEmpty(), "unchanged since it was recorded");
        playlist("#EXTINF:2.000,\n4.ts\n#EXTINF:2.000,\n5.ts\n", WRITTEN.plusSeconds(2));
        assertTrue(reader.read(max -> publishes(max), WRITTEN).isEmpty(), "rewritten, but nothing new");
        assertEquals(lookups, publishLookups.size(), "nothing new: the publishes are not even asked for");
        reader.forget();
        assertFalse(reader.started());
    }

    @Test
    void segmentsCutWhileNobodyReadTheirListingAreFoundOnDiskAndMeasured() throws Exception {
        for (int n = 1; n <= 3; n++) {
            ByteArrayOutputStream ts = new ByteArrayOutputStream();
            for (int frame = 0; frame < 60; frame++) {
                ts.write(TsTimingTest.pes(0x100, 0xe0, 90_000L * 2 * n + frame * 3000L, frame == 0));
            }
            Files.write(dir.resolve(n + ".ts"), ts.toByteArray());
            Files.setLastModifiedTime(dir.resolve(n + ".ts"), FileTime.from(WRITTEN.minusSeconds(10 - n)));
        }
        playlist("#EXTINF:2.000,\n3.ts\n", WRITTEN);
        PlaylistReader reader = new PlaylistReader(dir);
        reader.start(0);
        FolderPublish only = publish("s1", WRITTEN.minusSeconds(60));
        PlaylistReader.Listing listing = reader.read(max -> publishes(max, only), WRITTEN).orElseThrow();
        assertEquals(List.of(new Listed(only, 1, Duration.ofSeconds(2)), new Listed(only, 2, Duration.ofSeconds(2)),
                new Listed(only, 3, Duration.ofSeconds(2))), listing.listed(), "1.ts and 2.ts slid out of nginx's window unread");
    }
}
