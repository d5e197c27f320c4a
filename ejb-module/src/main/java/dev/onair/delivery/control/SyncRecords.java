package dev.onair.delivery.control;

import dev.onair.delivery.entity.Replay;
import dev.onair.delivery.entity.Segment;
import dev.onair.delivery.entity.Thumbnail;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows a folder's sync reads and writes, each call one transaction. The database holds the
 * sync's truth (what was listed, what is in S3, which replay is written), so that a restarted
 * node picks up where the last one stopped; the parts of the sync keep only what they can reload
 * from here. Unit tests fake it in memory.
 */
public interface SyncRecords {

    /**
     * A publish that writes to a folder, with its channel's visibility (fixed once the channel
     * went live): what a segment's object key is made of. {@link #publishesOf} lists them newest first.
     */
    record FolderPublish(String publishId, String channelId, boolean privateChannel, Instant startedAt, Instant endedAt) {
    }

    /** A segment nginx listed, attributed to the publish that cut it, not recorded yet. */
    record Listed(FolderPublish publish, long number, Duration duration) {

        public String publishId() {
            return publish.publishId();
        }
    }

    /** Whether a channel's replay can be written: every segment of it is in S3, and nginx had time to list the last. */
    record ReplayCheck(State state, List<Segment> segments) {

        public enum State {
            /** Due: {@link #segments()} is all of the recording, in order (empty when the channel never cut one). */
            DUE,
            /** Not yet: the channel ended, but a publish ended too recently or a segment is not uploaded. */
            WAIT,
            /** Never (again): the replay is written, or the channel has not ended. */
            NONE
        }

        public static ReplayCheck due(List<Segment> segments) {
            return new ReplayCheck(State.DUE, List.copyOf(segments));
        }

        public static ReplayCheck of(State state) {
            return new ReplayCheck(state, List.of());
        }
    }

    /** The folder (the stream's public name) nginx writes a publish's segments to. */
    Optional<String> folderOfPublish(String publishId);

    /** Folders with work left: segments not uploaded yet, a publish going on, or a replay not yet written. */
    List<String> foldersToSync();

    /** Ended channels with a recording and no replay yet, by the folder they were cut in. */
    Map<String, List<String>> channelsAwaitingReplay();

    /** The highest file number recorded for {@code folder}, or -1. */
    long highestNumber(String folder);

    /** The latest {@code max} publishes on {@code folder}, newest first. */
    List<FolderPublish> publishesOf(String folder, int max);

    /**
     * One step's writes, in one transaction: records the newly listed segments in listing order
     * (each takes the next position in its channel's recording; one that opens a publish that is
     * not the channel's first is a discontinuity) and marks the segments {@code uploaded}.
     * Returns the recorded rows.
     */
    List<Segment> commit(String folder, List<Listed> listed, Collection<Long> uploaded, Instant now);

    /** Segments of {@code folder} not uploaded yet, oldest first. */
    List<Segment> pending(String folder, int max);

    /** The uploaded segments of {@code folder} among these file numbers. */
    List<Segment> uploadedAmong(String folder, List<Long> numbers);

    /** The newest {@code max} uploaded segments of a channel, in recording order. */
    List<Segment> latestUploaded(String channelId, int max);

    /** How many segments of the channel up to position {@code seq} open a discontinuity. */
    long discontinuitiesUpTo(String channelId, int seq);

    /** Whether the channel's replay is due: see {@link ReplayCheck}; {@code grace} after its last publish ended. */
    ReplayCheck replayCheck(String channelId, Duration grace, Instant now);

    /** Keeps the replay written to S3; false when another node wrote it first. */
    boolean saveReplay(Replay replay);

    void saveThumbnail(Thumbnail thumbnail);
}
