package dev.onair.delivery.control;

import dev.onair.delivery.entity.Segment;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * <p>
 * A segment at the live edge need not wait for its row: when nothing else waits, its upload
 * starts from the listing ({@link #startEarly}) while the row is being recorded, and counts for
 * the row once recorded under the same key ({@link #offer}). One whose row was not recorded (the
 * commit failed) counts for nothing: its row is recorded and uploaded again later, to the same key.
 * Uploads are known by the segment's file number, unique in a folder.
 */
public final class UploadQueue {

    /** Rows of waiting segments held in memory at most; the others wait in the database. */
    public static final int WINDOW = 64;

    /** An upload to start: the segment, and whether to look for it in S3 before putting it. */
    public record Start(Segment segment, boolean verifyFirst) {
    }

    private final Deque<Segment> queue = new ArrayDeque<>();
    /** Uploads of recorded rows in flight, by file number. */
    private final Map<Long, Segment> inFlight = new LinkedHashMap<>();
    /** Uploads started from the listing whose rows are not recorded (or not under this key), by file number: their keys. */
    private final Map<Long, String> early = new HashMap<>();
    private final Set<Long> verifyFirst = new HashSet<>();
    private boolean moreInStore = true;

    /**
     * The newly listed segments to upload before their rows are recorded, by file number, with
     * their keys: all of them when nothing waits before them and with them no more than
     * {@code limit} are in flight, else none. One being uploaded already is not started again.
     */
    public Map<Long, String> startEarly(List<SyncRecords.Listed> listed, String privatePrefix, int limit) {
        Map<Long, String> starts = new LinkedHashMap<>();
        if (!queue.isEmpty() || moreInStore || inFlight.size() + early.size() + listed.size() > limit) {
            return starts;
        }
        for (SyncRecords.Listed item : listed) {
            if (!early.containsKey(item.number()) && !inFlight.containsKey(item.number())) {
                String key = ObjectKeys.segment(privatePrefix, item.publish(), item.number());
                early.put(item.number(), key);
                starts.put(item.number(), key);
            }
        }
        return starts;
    }

    /**
     * Newly recorded rows: one whose upload started early under its key is in flight; the others
     * are queued while the window has room and nothing older waits in the database.
     */
    public void offer(Collection<Segment> recorded) {
        for (Segment segment : recorded) {
            if (segment.objectKey().equals(early.get(segment.number()))) {
                early.remove(segment.number());
                inFlight.put(segment.number(), segment);
            } else if (queue.size() < WINDOW && !moreInStore) {
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
            if (!inFlight.containsKey(segment.number()) && !elsewhere.contains(segment.id()) && queue.size() < WINDOW) {
                queue.addLast(segment);
                if (segment.listedAt().isBefore(since)) {
                    verifyFirst.add(segment.id());
                }
            }
        }
        moreInStore = waiting.size() >= asked;
    }

    /**
     * Takes the next uploads to start, so that at most {@code limit} are in flight; a row whose
     * file another upload (an early one to another key) is still putting waits for it.
     */
    public List<Start> start(int limit) {
        List<Start> starts = new ArrayList<>();
        while (inFlight.size() + early.size() < limit && !queue.isEmpty() && !early.containsKey(queue.peekFirst().number())) {
            Segment segment = queue.pollFirst();
            inFlight.put(segment.number(), segment);
            starts.add(new Start(segment, verifyFirst.remove(segment.id())));
        }
        return starts;
    }

    /**
     * The upload of file {@code number} finished: the row it was for, if any (a failed one goes
     * back to the head of the queue); none for an early one whose row is not recorded.
     */
    public Optional<Segment> finished(long number, boolean succeeded) {
        if (early.remove(number) != null) {
            return Optional.empty();
        }
        Segment segment = inFlight.remove(number);
        if (segment != null && !succeeded) {
            queue.addFirst(segment);
        }
        return Optional.ofNullable(segment);
    }

    /** Whether a segment of the channel waits or is in flight. */
    public boolean holds(String channelId) {
        return inFlight.values().stream().anyMatch(s -> s.channelId().equals(channelId)) || queued(channelId);
    }

    /** Whether segments of the channel wait to start (a backlog), or rows may wait in the database only. */
    public boolean catchingUp(String channelId) {
        return moreInStore || queued(channelId);
    }

    private boolean queued(String channelId) {
        return queue.stream().anyMatch(s -> s.channelId().equals(channelId));
    }

    public boolean nothingInFlight() {
        return inFlight.isEmpty() && early.isEmpty();
    }

    /** Segments waiting or in flight; at least one while rows wait in the database only. */
    public int waiting() {
        int waiting = queue.size() + inFlight.size() + early.size();
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
