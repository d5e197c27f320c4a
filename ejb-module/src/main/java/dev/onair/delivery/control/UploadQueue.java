package dev.onair.delivery.control;

import dev.onair.delivery.entity.Segment;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * A folder's segments on their way to S3: the rows recorded and not yet uploaded are the queue
 * (they outlive OnAir), of which at most {@link #WINDOW} are held in memory, oldest first; the
 * others wait in the database and are loaded as the window empties. At most a given number are
 * in flight at once. A failed upload goes back to the head of the queue, so a segment is never
 * overtaken by a later one of its folder for long, and is tried again for as long as it takes
 * (the backoff is {@link FolderHealth}'s). A row listed before this sync started may have been
 * uploaded by an earlier OnAir that stopped before marking it: it is looked for in S3 first.
 */
public final class UploadQueue {

    /** Rows of waiting segments held in memory at most; the others wait in the database. */
    public static final int WINDOW = 64;

    /** An upload to start: the segment, and whether to look for it in S3 before putting it. */
    public record Start(Segment segment, boolean verifyFirst) {
    }

    private final Deque<Segment> queue = new ArrayDeque<>();
    private final Map<Long, Segment> inFlight = new LinkedHashMap<>();
    private final Set<Long> verifyFirst = new HashSet<>();
    private boolean moreInStore = true;

    /** Newly recorded rows: queued while the window has room and nothing older waits in the database. */
    public void offer(Collection<Segment> recorded) {
        for (Segment segment : recorded) {
            if (queue.size() < WINDOW && !moreInStore) {
                queue.addLast(segment);
            } else {
                moreInStore = true;
            }
        }
    }

    /**
     * Loads waiting rows when the window ran empty and the database may hold more: {@code pending}
     * gives the oldest waiting rows, up to a number; {@code held} gives the rows already uploaded
     * but not yet marked (a live playlist has yet to name them); rows listed before {@code since}
     * are looked for in S3 before they are uploaded.
     */
    public void refill(IntFunction<List<Segment>> pending, Supplier<Set<Long>> held, Instant since) {
        if (!queue.isEmpty() || !moreInStore) {
            return;
        }
        Set<Long> elsewhere = held.get();
        int asked = WINDOW + inFlight.size() + elsewhere.size();
        List<Segment> waiting = pending.apply(asked);
        for (Segment segment : waiting) {
            if (!inFlight.containsKey(segment.id()) && !elsewhere.contains(segment.id()) && queue.size() < WINDOW) {
                queue.addLast(segment);
                if (segment.listedAt().isBefore(since)) {
                    verifyFirst.add(segment.id());
                }
            }
        }
        moreInStore = waiting.size() >= asked;
    }

    /** Takes the next uploads to start, so that at most {@code limit} are in flight. */
    public List<Start> start(int limit) {
        List<Start> starts = new ArrayList<>();
        while (inFlight.size() < limit && !queue.isEmpty()) {
            Segment segment = queue.pollFirst();
            inFlight.put(segment.id(), segment);
            starts.add(new Start(segment, verifyFirst.remove(segment.id())));
        }
        return starts;
    }

    /** An upload finished; a failed one goes back to the head of the queue. */
    public void finished(Segment segment, boolean succeeded) {
        inFlight.remove(segment.id());
        if (!succeeded) {
            queue.addFirst(segment);
        }
    }

    /** Whether a segment of the channel waits or is in flight. */
    public boolean holds(String channelId) {
        return inFlight.values().stream().anyMatch(s -> s.channelId().equals(channelId))
                || queue.stream().anyMatch(s -> s.channelId().equals(channelId));
    }

    public boolean nothingInFlight() {
        return inFlight.isEmpty();
    }

    /** Segments waiting or in flight; at least one while rows wait in the database only. */
    public int waiting() {
        int waiting = queue.size() + inFlight.size();
        return waiting == 0 && moreInStore ? 1 : waiting;
    }

    /** When the oldest segment waiting or in flight was listed, or null. */
    public Instant oldestListed() {
        Instant oldest = queue.isEmpty() ? null : queue.peekFirst().listedAt();
        for (Segment segment : inFlight.values()) {
            oldest = Instants.earliest(oldest, segment.listedAt());
        }
        return oldest;
    }

    /** Forgets the queue (not what is in flight); the next {@link #refill} reloads it from the database. */
    public void forget() {
        queue.clear();
        verifyFirst.clear();
        moreInStore = true;
    }
}
