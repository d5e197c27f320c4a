package dev.onair.delivery.control;

import dev.onair.delivery.entity.Segment;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * When a channel gets its next thumbnail, and which segment files a thumbnail in the making
 * holds on disk. Every {@code onair.thumbnails.interval}, the newest segment of a live channel
 * (only from a playlist that shows the live edge, never from a backlog) is made into a JPEG; not
 * while the store is failing (segments come first). A segment's file is deleted once it is in S3
 * and named by the live playlist, but not while a thumbnail is being made of it: then it is
 * deleted when the thumbnail is done.
 */
public final class ThumbnailSchedule {

    private static final Logger LOG = Logger.getLogger(ThumbnailSchedule.class.getName());
    private final Duration interval;
    private final Map<String, Instant> last = new HashMap<>();
    private final Set<Long> held = new HashSet<>();
    private final Set<Long> deleteWhenReleased = new HashSet<>();

    public ThumbnailSchedule(Duration interval) {
        this.interval = interval;
    }

    /** Whether the channel's next thumbnail is due at {@code now}. */
    public boolean due(String channelId, Instant now) {
        Instant previous = last.get(channelId);
        return previous == null || !previous.plus(interval).isAfter(now);
    }

    /**
     * A segment was newly recorded: when it shows the live edge ({@code fresh}), the store is not
     * failing and the channel's thumbnail is due, {@code start} makes one (false when the node is
     * making another: the next segment gets its turn).
     */
    public void offer(Segment newest, boolean fresh, boolean failing, Instant now, BiPredicate<Segment, Instant> start) {
        if (fresh && !failing && due(newest.channelId(), now) && start.test(newest, now)) {
            taking(newest, now);
        }
    }

    /** A thumbnail of {@code source} is being made: its file is held until {@link #released}. */
    public void taking(Segment source, Instant now) {
        last.put(source.channelId(), now);
        held.add(source.id());
    }

    /**
     * A thumbnail is done (its row kept) or failed (logged; the next one is due after the interval
     * all the same): true when its source's file is to be deleted now (that was asked meanwhile).
     */
    public boolean made(SyncWrites.ThumbnailMade result, SyncRecords records) {
        if (result.failure() == null) {
            records.saveThumbnail(result.thumbnail());
        } else {
            LOG.log(Level.WARNING, "No thumbnail from segment {0} of channel {1}: {2}",
                    new Object[] {result.source().number(), result.source().channelId(), result.failure()});
        }
        return released(result.source());
    }

    private boolean released(Segment source) {
        held.remove(source.id());
        return deleteWhenReleased.remove(source.id());
    }

    /** Whether the file of {@code segment} may be deleted now; if not, {@link #released} says so later. */
    public boolean mayDelete(Segment segment) {
        if (held.contains(segment.id())) {
            deleteWhenReleased.add(segment.id());
            return false;
        }
        return true;
    }

    /** True when no file is held. */
    public boolean holdsNothing() {
        return held.isEmpty() && deleteWhenReleased.isEmpty();
    }
}
