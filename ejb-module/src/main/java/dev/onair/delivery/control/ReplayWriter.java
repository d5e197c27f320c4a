package dev.onair.delivery.control;

import dev.onair.delivery.control.SyncRecords.ReplayCheck;
import dev.onair.delivery.entity.Replay;
import dev.onair.delivery.entity.Segment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every broadcast leaves a replay: once a channel has ended, nginx had {@link #GRACE} to list the
 * last segment of its last publish, and every segment of it is in S3 (none waits, none is in
 * flight, no live playlist has yet to name one), a VOD playlist of every segment of every publish
 * is written, then the live playlist's last version (closed with {@code #EXT-X-ENDLIST}), then
 * the replay's row. A replay is written once; one whose write failed is tried again after the
 * backoff; a channel that ended without ever cutting a segment has none.
 */
public final class ReplayWriter {

    private static final Logger LOG = Logger.getLogger(ReplayWriter.class.getName());
    /** How long after a channel's last publish ended its replay waits for nginx's last listing. */
    public static final Duration GRACE = Duration.ofSeconds(4);
    /** How often a channel waiting for its replay is looked at again. */
    static final Duration RECHECK = Duration.ofSeconds(1);

    /** A replay to write: its row, its VOD playlist, and the channel's final live playlist. */
    public record Job(Replay replay, String vod, String liveKey, String finalLive) {
    }

    private final Map<String, Instant> checks = new HashMap<>();
    private final Set<String> writing = new HashSet<>();

    /** The channel ended: its replay is looked at from {@code at} on. */
    public void expect(String channelId, Instant at) {
        checks.put(channelId, at);
    }

    /**
     * The replays to write now. {@code busy} says whether a segment of a channel still waits in
     * this folder's sync; {@code windows} may hold the channel's live window.
     */
    public List<Job> due(Instant now, Predicate<String> busy, SyncRecords records, LiveWindows windows, int liveSize) {
        List<Job> jobs = new ArrayList<>();
        for (var check : new ArrayList<>(checks.entrySet())) {
            String channelId = check.getKey();
            if (check.getValue().isAfter(now) || writing.contains(channelId) || busy.test(channelId)) {
                continue;
            }
            ReplayCheck answer = records.replayCheck(channelId, GRACE, now);
            if (answer.state() == ReplayCheck.State.WAIT) {
                checks.put(channelId, now.plus(RECHECK));
                continue;
            }
            checks.remove(channelId);
            if (answer.state() == ReplayCheck.State.DUE && !answer.segments().isEmpty()) {
                writing.add(channelId);
                jobs.add(job(channelId, answer.segments(), now, records, windows.find(channelId), liveSize));
            }
        }
        return jobs;
    }

    /** The replay is in S3: its row is kept (unless another node's is). */
    public void written(Replay replay, SyncRecords records) {
        writing.remove(replay.channelId());
        if (records.saveReplay(replay)) {
            LOG.log(Level.INFO, "Replay of channel {0} written: {1} segments, {2} s, {3} publish(s)", new Object[] {
                    replay.channelId(), replay.segmentCount(), replay.duration().toSeconds(), replay.publishCount()});
        }
    }

    /** The replay did not reach S3: tried again from {@code retryAt}. */
    public void failed(Replay replay, Instant retryAt) {
        writing.remove(replay.channelId());
        checks.put(replay.channelId(), retryAt);
    }

    /** Whether a replay is being written. */
    public boolean writing() {
        return !writing.isEmpty();
    }

    /** True when no replay is expected or being written. */
    public boolean idle() {
        return checks.isEmpty() && writing.isEmpty();
    }

    private static Job job(String channelId, List<Segment> all, Instant now, SyncRecords records, LiveWindow window,
                           int liveSize) {
        String channelFolder = ObjectKeys.folderOf(all.get(0));
        List<MediaPlaylists.Item> items = all.stream().map(MediaPlaylists::item).toList();
        Duration total = all.stream().map(Segment::duration).reduce(Duration.ZERO, Duration::plus);
        int publishes = (int) all.stream().map(Segment::publishId).distinct().count();
        Replay replay = new Replay(channelId, ObjectKeys.replayPlaylist(channelFolder), total, all.size(), publishes, now);
        Optional<String> fromWindow = window == null ? Optional.empty() : window.finalPlaylist(liveSize);
        String finalLive = fromWindow.orElseGet(() -> {
            int from = Math.max(0, items.size() - liveSize);
            return MediaPlaylists.live(items.subList(from, items.size()), from, records.discontinuitiesUpTo(channelId, from), true);
        });
        return new Job(replay, MediaPlaylists.vod(items), ObjectKeys.livePlaylist(channelFolder), finalLive);
    }
}
