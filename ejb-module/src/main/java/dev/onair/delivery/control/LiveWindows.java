package dev.onair.delivery.control;

import dev.onair.delivery.entity.Segment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The live windows of the channels a folder's sync works for (a broadcaster's folder serves one
 * channel after another), and the segments their written playlists name: those are marked
 * uploaded by a later commit of the sync, and only then deleted ({@link #named}, {@link #marked}).
 * Marks ride along with the transaction that records the next listing (one commit per segment,
 * not two); alone only once they have waited {@link #MARKS_WAIT} (a stream that stopped) or when
 * a replay waits for them.
 */
public final class LiveWindows {

    private final SyncRecords records;
    private final Map<String, LiveWindow> windows = new LinkedHashMap<>();
    /** When each channel's playlist was last written. */
    private final Map<String, Instant> lastWrites = new HashMap<>();
    private final List<Segment> named = new ArrayList<>();
    private Instant namedSince;

    /** How long marks wait for a listing to ride along with before they are committed alone. */
    public static final Duration MARKS_WAIT = Duration.ofSeconds(5);
    /** How often at most the playlist of a channel that catches up on a backlog is written. */
    public static final Duration CATCH_UP_WRITES = Duration.ofSeconds(1);

    public LiveWindows(SyncRecords records) {
        this.records = records;
    }

    /** The channel's window, loaded from the rows the first time. */
    public LiveWindow of(String channelId) {
        return windows.computeIfAbsent(channelId, id -> LiveWindow.load(id, records));
    }

    /** The channel's window if this sync has one, else null. */
    public LiveWindow find(String channelId) {
        return windows.get(channelId);
    }

    /** A live playlist reached S3 at {@code now}: the segments it names for the first time are to be marked. */
    public void written(LiveWindow.Write write, Instant now) {
        of(write.channelId()).written();
        if (named.isEmpty() && !write.covered().isEmpty()) {
            namedSince = now;
        }
        named.addAll(write.covered());
    }

    /** Whether the named segments should be marked now even without a listing to ride along with. */
    public boolean marksDue(Instant now, boolean replayExpected) {
        return !named.isEmpty() && (replayExpected || !namedSince.plus(MARKS_WAIT).isAfter(now));
    }

    /**
     * Writes every playlist that is due, of the last {@code size} segments; that of a channel
     * {@code catchingUp} on a backlog (more of its segments queued) at most every
     * {@link #CATCH_UP_WRITES}, as each would be outdated by the next upload. The live edge is
     * written as soon as its segment is in S3.
     */
    public void writeDue(int size, Predicate<String> catchingUp, Instant now, Consumer<LiveWindow.Write> write) {
        windows.forEach((channelId, window) -> {
            Instant last = lastWrites.get(channelId);
            if (last != null && catchingUp.test(channelId) && last.plus(CATCH_UP_WRITES).isAfter(now)) {
                return;
            }
            window.due(size).ifPresent(w -> {
                lastWrites.put(channelId, now);
                write.accept(w);
            });
        });
    }

    /** The segments named by written playlists and not yet marked. */
    public List<Segment> named() {
        return List.copyOf(named);
    }

    /** The named segments are marked uploaded: their files may go. */
    public void marked(Consumer<Segment> delete) {
        named.forEach(delete);
        named.clear();
        namedSince = null;
    }

    /** The channel's replay is written: its window is done. */
    public void close(String channelId) {
        windows.remove(channelId);
        lastWrites.remove(channelId);
    }

    /** Whether the channel's playlist is being written or due, or segments of it wait for one or for their marks. */
    public boolean busy(String channelId) {
        LiveWindow window = windows.get(channelId);
        return window != null && window.busy() || named.stream().anyMatch(s -> s.channelId().equals(channelId));
    }

    public boolean writing() {
        return windows.values().stream().anyMatch(LiveWindow::writing);
    }

    /** The ids of the segments in S3 that are not marked yet (held by a window, or named). */
    public Set<Long> held() {
        Set<Long> ids = new HashSet<>();
        windows.values().forEach(w -> w.holds(ids));
        named.forEach(s -> ids.add(s.id()));
        return ids;
    }

    /** Segments held by the windows. */
    public int holding() {
        return windows.values().stream().mapToInt(LiveWindow::holding).sum();
    }

    /** When the oldest segment held by a window was listed, or {@code other} if earlier (either may be null). */
    public Instant oldestHeld(Instant other) {
        return windows.values().stream().map(LiveWindow::oldestHeld).filter(Objects::nonNull).reduce(other, Instants::earliest);
    }

    public Set<String> channels() {
        return Set.copyOf(windows.keySet());
    }

    /** Forgets every window (the next use reloads it from the rows) and what was named. */
    public void forget() {
        windows.clear();
        lastWrites.clear();
        named.clear();
        namedSince = null;
    }
}
