package dev.onair.delivery.boundary;

import dev.onair.delivery.control.Bucket;
import dev.onair.delivery.control.DeliverySettings;
import dev.onair.delivery.control.FolderHealth;
import dev.onair.delivery.control.LiveWindows;
import dev.onair.delivery.control.PlaylistReader;
import dev.onair.delivery.control.ReplayWriter;
import dev.onair.delivery.control.SegmentFiles;
import dev.onair.delivery.control.SerialRunner;
import dev.onair.delivery.control.SyncRecords;
import dev.onair.delivery.control.SyncWrites.LiveWritten;
import dev.onair.delivery.control.SyncWrites.ReplayWritten;
import dev.onair.delivery.control.SyncWrites.ThumbnailMade;
import dev.onair.delivery.control.SyncWrites.Uploaded;
import dev.onair.delivery.control.SyncWrites;
import dev.onair.delivery.control.ThumbnailSchedule;
import dev.onair.delivery.control.Thumbnailer;
import dev.onair.delivery.control.UploadQueue;
import dev.onair.delivery.entity.Segment;
import dev.onair.shared.Conflicts;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sync of one nginx HLS folder (one broadcaster's stream name) to S3, as an actor: its state
 * changes only in {@link #tick}, which a {@link SerialRunner} runs when woken, never twice at
 * once; S3's answers are messages for the next tick. The rules live in the parts, each with unit
 * tests: {@link PlaylistReader} (what nginx newly lists, and which publish cut it),
 * {@link UploadQueue} (the window of waiting rows), {@link LiveWindows} (segment before playlist),
 * {@link ReplayWriter}, {@link ThumbnailSchedule}, {@link FolderHealth} (backoff and status),
 * {@link SyncWrites} (the objects), {@link SegmentFiles}. A tick writes the database at most once:
 * what nginx newly lists and what written live playlists name, in one transaction
 * ({@link SyncRecords#commit}); only then are the named segments' files deleted. Segments at the
 * live edge start uploading before it ({@link UploadQueue#startEarly}).
 */
final class FolderSync {

    private static final Logger LOG = Logger.getLogger(FolderSync.class.getName());
    /** Tries of a tick's commit that the database gave up to break a deadlock (a channel's end locking its rows). */
    private static final int COMMIT_ATTEMPTS = 3;

    private record ReplayExpected(String channelId) {
    }

    final String folder;
    final Path dir;
    private final SyncRecords records;
    private final DeliverySettings settings;
    private final Clock clock;
    private final SerialRunner runner;
    private final ConcurrentLinkedQueue<Object> inbox = new ConcurrentLinkedQueue<>();
    private final SyncWrites writes;
    private final PlaylistReader reader;
    private final UploadQueue uploads = new UploadQueue();
    private final LiveWindows windows;
    private final ReplayWriter replays = new ReplayWriter();
    private final ThumbnailSchedule thumbnails;
    private final SegmentFiles files;
    private final FolderHealth health;
    /** When this sync started (over): rows listed before may have been uploaded by an earlier one. */
    private Instant created;
    private boolean broken;
    private volatile Instant lastActivity;
    private volatile FolderHealth.Status status;
    private volatile boolean settled = true;

    FolderSync(String folder, Path hlsRoot, SyncRecords records, Bucket bucket, Thumbnailer thumbnailer, Executor executor,
               DeliverySettings settings, Clock clock) {
        this.folder = folder;
        this.dir = hlsRoot.resolve(folder);
        this.records = records;
        this.settings = settings;
        this.clock = clock;
        this.runner = new SerialRunner("the sync of " + dir, executor, this::tick);
        this.writes = new SyncWrites(dir, bucket, thumbnailer, executor, settings.liveMaxAge(), this::post);
        this.reader = new PlaylistReader(dir);
        this.windows = new LiveWindows(records);
        this.thumbnails = new ThumbnailSchedule(settings.thumbnailInterval());
        this.files = new SegmentFiles(dir, thumbnails);
        this.health = new FolderHealth(dir, settings.maxRetryDelay());
        this.created = clock.instant();
        this.lastActivity = created;
        this.status = health.status(folder, 0, null, windows.channels());
    }

    FolderHealth.Status status() {
        return status;
    }

    void wake() {
        runner.wake();
    }

    void stop() {
        runner.stop();
    }

    /** Asks for the replay of {@code channelId} to be written once all of it is in S3. */
    void expectReplay(String channelId) {
        post(new ReplayExpected(channelId));
    }

    /** True when nothing is waiting, in flight, due or running, and nothing happened for {@code quiet}. */
    boolean idle(Duration quiet) {
        return status.waiting() == 0 && inbox.isEmpty() && settled && !runner.running()
                && lastActivity.plus(quiet).isBefore(clock.instant());
    }

    private void post(Object message) {
        inbox.add(message);
        runner.wake();
    }

    /** One step. After a failed one (the database away) the first with nothing in flight starts over from the rows. */
    private void tick() {
        Instant now = clock.instant();
        if (broken && uploads.nothingInFlight() && !replays.writing() && !windows.writing()) {
            LOG.log(Level.INFO, "The sync of {0} starts over from the database after a failed step", dir);
            reader.forget();
            uploads.forget();
            windows.forget();
            created = now;
        }
        broken = true;
        if (!reader.started()) {
            reader.start(records.highestNumber(folder));
            records.uploadedAmong(folder, files.numbers()).forEach(files::delete); // left by an OnAir that stopped in between
        }
        for (Object message; (message = inbox.poll()) != null; lastActivity = now) {
            take(message, now);
        }
        commit(reader.read(max -> records.publishesOf(folder, max), now), now);
        uploads.refill(max -> records.pending(folder, max), windows::held, created);
        if (health.mayTry(now)) {
            windows.writeDue(settings.liveWindow(), uploads::catchingUp, now, writes::live);
            uploads.start(settings.streamUploads()).forEach(writes::upload);
            replays.due(now, id -> uploads.holds(id) || windows.busy(id), records, windows, settings.liveWindow())
                    .forEach(writes::replay);
        }
        settled = replays.idle() && thumbnails.holdsNothing() && windows.named().isEmpty();
        status = health.status(folder, uploads.waiting() + windows.holding(), windows.oldestHeld(uploads.oldestListed()),
                windows.channels());
        broken = false;
    }

    private void take(Object message, Instant now) {
        if (message instanceof ReplayExpected r) {
            replays.expect(r.channelId(), now);
            return;
        }
        boolean ok = health.outcome((SyncWrites.Done) message, now);
        if (message instanceof Uploaded u) {
            uploads.finished(u.number(), ok).filter(segment -> ok).ifPresent(segment -> windows.of(segment.channelId()).uploaded(segment));
        } else if (message instanceof LiveWritten w && ok) {
            windows.written(w.write(), now);
        } else if (message instanceof LiveWritten w) {
            windows.of(w.write().channelId()).failed(w.write());
        } else if (message instanceof ReplayWritten r && ok) {
            replays.written(r.replay(), records);
            windows.close(r.replay().channelId());
        } else if (message instanceof ReplayWritten r) {
            replays.failed(r.replay(), health.nextTry(now));
        } else if (message instanceof ThumbnailMade t && thumbnails.made(t, records)) {
            files.deleteNow(t.source());
        }
    }

    /** Records what nginx newly lists (live edge: uploads started first) and marks what playlists name; deletes those files. */
    private void commit(Optional<PlaylistReader.Listing> listing, Instant now) {
        List<SyncRecords.Listed> listed = listing.map(PlaylistReader.Listing::listed).orElse(List.of());
        List<Segment> recorded = List.of();
        if (!listed.isEmpty() && health.mayTry(now)) {
            uploads.startEarly(listed, settings.privatePrefix(), settings.streamUploads()).forEach(writes::uploadListed);
        }
        if (!listed.isEmpty() || windows.marksDue(now, !replays.idle())) {
            List<Long> ids = windows.named().stream().map(Segment::id).toList();
            recorded = Conflicts.retryingLockConflicts(COMMIT_ATTEMPTS, () -> records.commit(folder, listed, ids, now));
            windows.marked(files::delete);
        }
        if (listing.isPresent()) {
            reader.seen(listing.get());
            lastActivity = now;
            if (!recorded.isEmpty()) {
                thumbnails.offer(recorded.get(recorded.size() - 1), listing.get().fresh(), health.failing(), now, writes::thumbnail);
            }
            uploads.offer(recorded);
        }
    }
}
