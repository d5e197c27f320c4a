package dev.onair.delivery.control;

import dev.onair.delivery.entity.Segment;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A channel's live edge. The live playlist names only segments that are in S3 with every segment
 * before them: a segment uploaded ahead of a gap waits until the gap is filled ("segment before
 * playlist", and no hole a player would stall in). Segments a written playlist names are
 * {@linkplain Write#covered() covered}: only then are their rows marked uploaded and their files
 * deleted, so a segment is never deleted before a playlist in S3 names it. The playlist's media
 * and discontinuity sequences count from the channel's first segment, so they stay right across
 * reconnects (each publish after the first opens with a discontinuity) and restarts (the window
 * reloads its newest uploaded segments from the rows).
 */
public final class LiveWindow {

    /** Segments kept in memory for the playlist; more than any live window. */
    static final int KEPT = 100;

    /** A live playlist to write, and the segments it names for the first time. */
    public record Write(String channelId, String key, String text, List<Segment> covered) {
    }

    private final String channelId;
    private String channelFolder;
    private int contiguous;
    private long discontinuities;
    private final Deque<Segment> recent = new ArrayDeque<>();
    private final TreeMap<Integer, Segment> ahead = new TreeMap<>();
    private final List<Segment> covered = new ArrayList<>();
    private boolean dirty;
    private boolean writing;

    private LiveWindow(String channelId, List<Segment> latest, long discontinuitiesBefore) {
        this.channelId = channelId;
        recent.addAll(latest);
        contiguous = latest.isEmpty() ? -1 : latest.get(latest.size() - 1).seq();
        discontinuities = discontinuitiesBefore;
        channelFolder = latest.isEmpty() ? null : ObjectKeys.folderOf(latest.get(0));
    }

    /** The channel's window as the rows leave it: its newest uploaded segments. */
    public static LiveWindow load(String channelId, SyncRecords records) {
        List<Segment> latest = records.latestUploaded(channelId, KEPT);
        long before = latest.isEmpty() ? 0 : records.discontinuitiesUpTo(channelId, latest.get(0).seq());
        return new LiveWindow(channelId, latest, before);
    }

    /** A segment of the channel is in S3; it joins the playlist once every segment before it has. */
    public void uploaded(Segment segment) {
        if (channelFolder == null) {
            channelFolder = ObjectKeys.folderOf(segment);
        }
        ahead.put(segment.seq(), segment);
        while (!ahead.isEmpty() && ahead.firstKey() == contiguous + 1) {
            Segment next = ahead.pollFirstEntry().getValue();
            if (recent.isEmpty() && next.discontinuity()) {
                discontinuities++;
            }
            recent.addLast(next);
            covered.add(next);
            contiguous = next.seq();
            dirty = true;
        }
        while (recent.size() > KEPT) {
            recent.pollFirst();
            if (recent.peekFirst().discontinuity()) {
                discontinuities++;
            }
        }
    }

    /** The playlist to write now, of the last {@code size} segments, when it changed and none is being written. */
    public Optional<Write> due(int size) {
        if (!dirty || writing || recent.isEmpty()) {
            return Optional.empty();
        }
        Write write = new Write(channelId, ObjectKeys.livePlaylist(channelFolder), playlist(size, false), List.copyOf(covered));
        covered.clear();
        dirty = false;
        writing = true;
        return Optional.of(write);
    }

    /** The playlist is in S3; its covered segments may be marked and deleted. */
    public void written() {
        writing = false;
    }

    /** The playlist did not reach S3: the next one names its segments again. */
    public void failed(Write write) {
        writing = false;
        covered.addAll(0, write.covered());
        dirty = true;
    }

    /** The last live playlist of an ended channel (with {@code #EXT-X-ENDLIST}), or empty when the window never saw a segment. */
    public Optional<String> finalPlaylist(int size) {
        return recent.isEmpty() ? Optional.empty() : Optional.of(playlist(size, true));
    }

    /** Whether a playlist of this window is being written. */
    public boolean writing() {
        return writing;
    }

    /** Whether a playlist is being written or due, or segments wait for one. */
    public boolean busy() {
        return writing || dirty || holding() > 0;
    }

    /** Segments in S3 that no written playlist names yet. */
    public int holding() {
        return ahead.size() + covered.size();
    }

    /** Adds the ids of the segments held here to {@code ids}. */
    public void holds(Set<Long> ids) {
        ahead.values().forEach(s -> ids.add(s.id()));
        covered.forEach(s -> ids.add(s.id()));
    }

    /** When the oldest segment held here was listed, or null. */
    public Instant oldestHeld() {
        Instant oldest = null;
        for (Segment s : covered) {
            oldest = Instants.earliest(oldest, s.listedAt());
        }
        for (Segment s : ahead.values()) {
            oldest = Instants.earliest(oldest, s.listedAt());
        }
        return oldest;
    }

    private String playlist(int size, boolean ended) {
        List<Segment> all = new ArrayList<>(recent);
        int from = Math.max(0, all.size() - size);
        long disc = discontinuities;
        for (int i = 1; i <= from; i++) {
            if (all.get(i).discontinuity()) {
                disc++;
            }
        }
        List<MediaPlaylists.Item> items = all.subList(from, all.size()).stream().map(MediaPlaylists::item).toList();
        return MediaPlaylists.live(items, all.get(from).seq(), disc, ended);
    }
}
