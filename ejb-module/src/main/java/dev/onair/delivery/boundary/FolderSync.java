package dev.onair.delivery.boundary;

import dev.onair.delivery.control.DeliverySettings;
import dev.onair.delivery.control.MediaPlaylists;
import dev.onair.delivery.control.NginxPlaylist;
import dev.onair.delivery.control.ObjectKeys;
import dev.onair.delivery.control.ObjectStore;
import dev.onair.delivery.entity.Replay;
import dev.onair.delivery.entity.Segment;
import dev.onair.delivery.entity.Thumbnail;
import dev.onair.delivery.control.Thumbnailer;
import dev.onair.delivery.control.TsTiming;
import dev.onair.shared.Conflicts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sync of one nginx HLS folder (one broadcaster's stream name) to S3, as an actor: every
 * change of state happens in {@link #tick}, which {@link HlsSync} runs on a managed executor,
 * never twice at once; upload completions only leave a message and ask for a tick.
 * <p>
 * A tick: takes the finished uploads in; reads nginx's playlist when it changed and records the
 * segments it newly lists (complete by then), each attributed to the publish session that cut it;
 * starts uploads, at most {@code onair.delivery.stream-uploads} at once, the rest waiting on
 * disk with their rows as the queue (a bounded window of them in memory); writes a channel's live
 * playlist once the segments it names are all in S3; marks those segments uploaded and deletes
 * their files; writes the replay of an ended channel once all of it is uploaded. A failed upload
 * is tried again, with a delay doubling up to {@code onair.delivery.max-retry-delay}, for as long
 * as it takes.
 */
final class FolderSync {

    private static final Logger LOG = Logger.getLogger(FolderSync.class.getName());
    static final String PLAYLIST = "index.m3u8";
    static final String SEGMENT_TYPE = "video/mp2t";
    static final String PLAYLIST_TYPE = "application/vnd.apple.mpegurl";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** Rows of waiting segments held in memory at most; the others wait in the database. */
    static final int QUEUE_WINDOW = 64;
    /** How long after a channel's last publish ended its replay waits for nginx's last listing. */
    static final Duration REPLAY_GRACE = Duration.ofSeconds(4);
    static final Duration FIRST_RETRY = Duration.ofMillis(250);
    /** Tries of one segment record that the database gave up to break a deadlock. */
    static final int RECORD_ATTEMPTS = 3;
    /** A playlist written this recently shows the live edge (and not a backlog read after a restart). */
    static final Duration FRESH = Duration.ofSeconds(10);
    static final String JPEG_TYPE = "image/jpeg";
    static final String LATEST_THUMBNAIL = "public, max-age=10";

    private sealed interface Done permits Uploaded, LiveWritten, ReplayExpected, ReplayWritten, ThumbnailMade {
    }

    private record ThumbnailMade(Segment source, Thumbnail thumbnail, Throwable failure) implements Done {
    }

    private record Uploaded(Segment segment, Throwable failure) implements Done {
    }

    private record LiveWritten(String channelId, List<Segment> covered, Throwable failure) implements Done {
    }

    private record ReplayExpected(String channelId) implements Done {
    }

    private record ReplayWritten(Replay replay, Throwable failure) implements Done {
    }

    /** What the folder's sync reports, for health. */
    record Status(String folder, int waiting, Instant oldestWaitingSince, int failures, String lastError,
                  Set<String> channels, long uploaded) {
    }

    final String folder;
    private final Path dir;
    private final Segments segments;
    private final ObjectStore store;
    private final Thumbnailer thumbnailer;
    private final Executor executor;
    private final DeliverySettings settings;
    private final Clock clock;
    private final Consumer<FolderSync> wake;

    final AtomicBoolean running = new AtomicBoolean();
    final AtomicBoolean again = new AtomicBoolean();
    private final ConcurrentLinkedQueue<Done> done = new ConcurrentLinkedQueue<>();

    private long highWater = Long.MIN_VALUE;
    private FileTime playlistTime;
    private long playlistSize = -1;
    private final Deque<Segment> queue = new ArrayDeque<>();
    private final Set<Long> verifyFirst = new HashSet<>();
    private boolean moreInStore = true;
    private final Map<Long, Segment> inFlight = new HashMap<>();
    private final Map<String, ChannelWindow> windows = new LinkedHashMap<>();
    private final Map<String, Instant> replayChecks = new HashMap<>();
    private final Set<String> replayWriting = new HashSet<>();
    private Instant retryAt = Instant.MIN;
    private Duration retryDelay = Duration.ZERO;
    private Instant lastActivity;
    /** When this sync started (over): rows listed before may have been uploaded by an earlier one. */
    private Instant created;
    private final Map<String, Instant> lastThumbnail = new HashMap<>();
    private final Set<Long> held = new HashSet<>();
    private final Set<Long> releaseLater = new HashSet<>();

    private volatile Status status;
    private volatile int failures;
    private volatile String lastError;
    private long uploadedCount;

    FolderSync(String folder, Path hlsRoot, Segments segments, ObjectStore store, Thumbnailer thumbnailer, Executor executor,
               DeliverySettings settings, Clock clock, Consumer<FolderSync> wake) {
        this.thumbnailer = thumbnailer;
        this.executor = executor;
        this.folder = folder;
        this.dir = hlsRoot.resolve(folder);
        this.segments = segments;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.wake = wake;
        this.lastActivity = clock.instant();
        this.created = lastActivity;
        this.status = new Status(folder, 0, null, 0, null, Set.of(), 0);
    }

    Path dir() {
        return dir;
    }

    Status status() {
        return status;
    }

    /** Asks for the replay of {@code channelId} to be written once all of it is in S3. */
    void expectReplay(String channelId) {
        done.add(new ReplayExpected(channelId));
    }

    /** True when nothing is waiting, in flight or due, and nothing happened for {@code quiet}. */
    boolean idle(Duration quiet) {
        Status s = status;
        return s.waiting() == 0 && done.isEmpty() && replayChecksEmpty && nothingHeld
                && lastActivity.plus(quiet).isBefore(clock.instant());
    }

    private volatile boolean replayChecksEmpty = true;
    private volatile boolean nothingHeld = true;

    /**
     * One step of the sync; see the class comment. Never runs twice at once (see {@link HlsSync}).
     * A step that fails (the database away) leaves the memory of this sync unreliable: the next
     * step that finds nothing in flight starts over from the database, which holds the truth.
     */
    void tick() {
        Instant now = clock.instant();
        if (broken && inFlight.isEmpty() && windows.values().stream().noneMatch(w -> w.writing) && replayWriting.isEmpty()) {
            startOver();
        }
        broken = true;
        if (highWater == Long.MIN_VALUE) {
            highWater = segments.highestNumber(folder);
            deleteUploadedFiles();
        }
        takeDone(now);
        readPlaylist(now);
        refill();
        writeLivePlaylists(now);
        startUploads(now);
        writeDueReplays(now);
        report();
        broken = false;
    }

    private boolean broken;

    /** Forgets what memory held, so that the next step reloads it from the database (a failed step). */
    private void startOver() {
        LOG.log(Level.INFO, "The sync of {0} starts over from the database after a failed step", dir);
        highWater = Long.MIN_VALUE;
        playlistTime = null;
        playlistSize = -1;
        queue.clear();
        moreInStore = true;
        windows.clear();
        created = clock.instant();
    }

    /**
     * Deletes the files of segments whose rows say they are uploaded: left by an OnAir that
     * stopped between marking them and deleting them.
     */
    private void deleteUploadedFiles() {
        List<Long> numbers;
        try (var files = Files.list(dir)) {
            numbers = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("\\d{1,18}\\.ts"))
                    .map(name -> Long.parseLong(name.substring(0, name.length() - 3)))
                    .toList();
        } catch (IOException e) {
            return;
        }
        for (Segment segment : segments.uploadedAmong(folder, numbers)) {
            deleteFile(segment);
        }
    }

    private void takeDone(Instant now) {
        for (Done message; (message = done.poll()) != null; ) {
            lastActivity = now;
            if (message instanceof Uploaded u) {
                uploaded(u, now);
            } else if (message instanceof LiveWritten w) {
                liveWritten(w, now);
            } else if (message instanceof ReplayExpected r) {
                replayChecks.put(r.channelId(), now);
            } else if (message instanceof ReplayWritten r) {
                replayWritten(r, now);
            } else if (message instanceof ThumbnailMade t) {
                thumbnailMade(t);
            }
        }
    }

    private void uploaded(Uploaded result, Instant now) {
        Segment segment = result.segment();
        inFlight.remove(segment.id());
        if (result.failure() != null) {
            failed("segment " + segment.objectKey(), result.failure(), now);
            queue.addFirst(segment);
            return;
        }
        succeeded();
        uploadedCount++;
        window(segment.channelId()).uploaded(segment);
    }

    private void liveWritten(LiveWritten result, Instant now) {
        ChannelWindow window = window(result.channelId());
        window.writing = false;
        if (result.failure() != null) {
            failed("live playlist of channel " + result.channelId(), result.failure(), now);
            window.covered.addAll(0, result.covered());
            window.dirty = true;
            return;
        }
        succeeded();
        List<Long> ids = result.covered().stream().map(Segment::id).toList();
        segments.markUploaded(ids, now);
        for (Segment segment : result.covered()) {
            deleteFile(segment);
        }
    }

    private void replayWritten(ReplayWritten result, Instant now) {
        Replay replay = result.replay();
        replayWriting.remove(replay.channelId());
        if (result.failure() != null) {
            failed("replay of channel " + replay.channelId(), result.failure(), now);
            replayChecks.put(replay.channelId(), now.plus(retryDelay));
            return;
        }
        succeeded();
        if (segments.saveReplay(replay)) {
            LOG.log(Level.INFO, "Replay of channel {0} written: {1} segments, {2} s, {3} publish session(s)",
                    new Object[] {replay.channelId(), replay.segmentCount(), replay.duration().toSeconds(), replay.sessionCount()});
        }
        windows.remove(replay.channelId());
    }

    private void thumbnailMade(ThumbnailMade result) {
        Segment source = result.source();
        held.remove(source.id());
        if (result.failure() != null) {
            LOG.log(Level.WARNING, "No thumbnail from {0}: {1}", new Object[] {dir.resolve(source.fileName()), String.valueOf(result.failure())});
        } else {
            segments.saveThumbnail(result.thumbnail());
        }
        if (releaseLater.remove(source.id())) {
            deleteFile(source);
        }
    }

    /** Every {@code onair.thumbnails.interval}, a JPEG of the newest segment of the channel, made while its file is held. */
    private void thumbnail(Segment newest, Instant now) {
        Instant last = lastThumbnail.get(newest.channelId());
        if (last != null && last.plus(settings.thumbnailInterval()).isAfter(now) || failures > 0 || !thumbnailer.tryStart()) {
            return; // not due, the store is failing (the segments come first), or another is being made: the next segment
        }
        lastThumbnail.put(newest.channelId(), now);
        held.add(newest.id());
        Path file = dir.resolve(newest.fileName());
        String channelFolder = folderOf(newest);
        Thumbnail thumbnail = new Thumbnail(newest.channelId(), now, ObjectKeys.thumbnailAt(channelFolder, now.getEpochSecond()));
        CompletableFuture<byte[]> jpeg;
        try {
            jpeg = CompletableFuture.supplyAsync(() -> {
                try {
                    return thumbnailer.jpegOf(file);
                } catch (IOException e) {
                    throw new java.util.concurrent.CompletionException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.util.concurrent.CompletionException(e);
                }
            }, executor);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            thumbnailer.abandon();
            held.remove(newest.id());
            return; // the server is stopping
        }
        jpeg.thenCompose(bytes -> store.putBytes(thumbnail.objectKey(), bytes, JPEG_TYPE, IMMUTABLE)
                        .thenCompose(ok -> store.putBytes(ObjectKeys.latestThumbnail(channelFolder), bytes, JPEG_TYPE, LATEST_THUMBNAIL)))
                .whenComplete((ok, failure) -> post(new ThumbnailMade(newest, thumbnail, failure)));
    }

    /** Records what nginx's playlist newly lists, when it changed since the last look. */
    private void readPlaylist(Instant now) {
        Path file = dir.resolve(PLAYLIST);
        BasicFileAttributes attributes;
        String text;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.lastModifiedTime().equals(playlistTime) && attributes.size() == playlistSize) {
                return;
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot read {0}: {1}", new Object[] {file, e.toString()});
            return;
        }
        NginxPlaylist playlist;
        try {
            playlist = NginxPlaylist.parse(text);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "nginx''s playlist {0} is not usable: {1}", new Object[] {file, e.getMessage()});
            return;
        }
        List<NginxPlaylist.Entry> fresh = playlist.entries().stream().filter(e -> e.number() > highWater).toList();
        if (!fresh.isEmpty()) {
            List<Segments.FolderSession> sessions = segments.sessionsOf(folder, 16);
            List<Segments.Listed> listed = new ArrayList<>(unlisted(fresh.get(0).number(), sessions));
            listed.addAll(attribute(playlist, fresh, attributes.lastModifiedTime().toInstant(), sessions));
            List<Segment> recorded = record(listed, now);
            highWater = fresh.get(fresh.size() - 1).number();
            lastActivity = now;
            if (!recorded.isEmpty() && attributes.lastModifiedTime().toInstant().plus(FRESH).isAfter(now)) {
                thumbnail(recorded.get(recorded.size() - 1), now);
            }
            for (Segment segment : recorded) {
                if (queue.size() < QUEUE_WINDOW && !moreInStore) {
                    queue.addLast(segment);
                } else {
                    moreInStore = true;
                }
            }
        }
        playlistTime = attributes.lastModifiedTime();
        playlistSize = attributes.size();
    }

    /**
     * Records newly listed segments; a transaction the database gave up to break a deadlock (the
     * end of the channel locking its rows at that moment) is tried again at once, so the step does
     * not fail for it.
     */
    private List<Segment> record(List<Segments.Listed> listed, Instant now) {
        for (int attempt = 1; ; attempt++) {
            try {
                return segments.record(folder, listed, now);
            } catch (RuntimeException e) {
                if (attempt >= RECORD_ATTEMPTS || !Conflicts.isLockConflict(e)) {
                    throw e;
                }
                LOG.log(Level.FINE, "Recording segments of {0} met a lock conflict; trying again", dir);
            }
        }
    }

    /**
     * Which publish session cut each new entry. nginx starts every publish with a discontinuity
     * and keeps earlier publishes of the window before it: the last run of the playlist is the
     * session that was publishing when nginx wrote it, each run before it the session before.
     */
    private List<Segments.Listed> attribute(NginxPlaylist playlist, List<NginxPlaylist.Entry> fresh, Instant written,
                                            List<Segments.FolderSession> sessions) {
        int anchor = -1;
        for (int i = 0; i < sessions.size(); i++) {
            if (!sessions.get(i).startedAt().isAfter(written)) {
                anchor = i;
                break;
            }
        }
        if (anchor < 0) {
            LOG.log(Level.WARNING, "nginx listed segments in {0} that no publish session of OnAir accounts for; not uploaded", dir);
            return List.of();
        }
        List<Segments.Listed> listed = new ArrayList<>();
        int runs = playlist.runs();
        for (NginxPlaylist.Entry entry : fresh) {
            int index = anchor + (runs - 1 - entry.run());
            if (index >= sessions.size()) {
                LOG.log(Level.WARNING, "Segment {0} in {1} belongs to no known publish session; not uploaded",
                        new Object[] {entry.number(), dir});
                continue;
            }
            listed.add(new Segments.Listed(sessions.get(index).sessionId(), entry.number(), entry.duration()));
        }
        return listed;
    }

    /**
     * Segments on disk that nginx cut after the last one recorded but no longer lists: it went on
     * while nobody watched (OnAir down, nginx not) for longer than its playlist window. Their
     * durations are measured from their timestamps; each belongs to the session that was
     * publishing when its file was last written.
     */
    private List<Segments.Listed> unlisted(long firstListed, List<Segments.FolderSession> sessions) {
        List<Segments.Listed> found = new ArrayList<>();
        if (firstListed <= highWater + 1) {
            return found;
        }
        TsTiming next = null;
        for (long number = firstListed; number > highWater + 1; number--) {
            Path file = dir.resolve((number - 1) + ".ts");
            try {
                if (number == firstListed) {
                    Path listedFile = dir.resolve(number + ".ts");
                    next = Files.exists(listedFile) ? TsTiming.of(listedFile).orElse(null) : null;
                }
                if (!Files.exists(file)) {
                    next = null;
                    continue;
                }
                TsTiming timing = TsTiming.of(file).orElse(null);
                Instant written = Files.getLastModifiedTime(file).toInstant();
                Segments.FolderSession session = sessions.stream().filter(s -> !s.startedAt().isAfter(written)).findFirst().orElse(null);
                if (timing != null && session != null) {
                    found.add(0, new Segments.Listed(session.sessionId(), number - 1, timing.until(next)));
                }
                next = timing;
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Cannot read the unlisted segment {0}: {1}", new Object[] {file, e.toString()});
                next = null;
            }
        }
        if (!found.isEmpty()) {
            LOG.log(Level.INFO, "{0} segment(s) in {1} that nginx no longer lists were found on disk; their durations are measured",
                    new Object[] {found.size(), dir});
        }
        return found;
    }

    /** Loads waiting rows from the database when the in-memory window of them ran out. */
    private void refill() {
        if (!queue.isEmpty() || !moreInStore) {
            return;
        }
        List<Segment> waiting = segments.pending(folder, QUEUE_WINDOW + inFlight.size() + pendingInWindows());
        Set<Long> busy = new HashSet<>(inFlight.keySet());
        windows.values().forEach(w -> w.holds(busy));
        for (Segment segment : waiting) {
            if (!busy.contains(segment.id()) && queue.size() < QUEUE_WINDOW) {
                queue.addLast(segment);
                if (segment.listedAt().isBefore(created)) {
                    verifyFirst.add(segment.id()); // an earlier OnAir may have uploaded it
                }
            }
        }
        moreInStore = waiting.size() >= QUEUE_WINDOW + inFlight.size() + pendingInWindows();
    }

    private int pendingInWindows() {
        return windows.values().stream().mapToInt(ChannelWindow::holding).sum();
    }

    private void startUploads(Instant now) {
        if (now.isBefore(retryAt)) {
            return;
        }
        int limit = settings.streamUploads();
        while (inFlight.size() < limit && !queue.isEmpty()) {
            Segment segment = queue.pollFirst();
            inFlight.put(segment.id(), segment);
            Path file = dir.resolve(segment.fileName());
            boolean verify = verifyFirst.remove(segment.id());
            CompletableFuture<Boolean> present = verify || !Files.exists(file)
                    ? store.exists(segment.objectKey()) : CompletableFuture.completedFuture(false);
            present.thenCompose(inStore -> {
                        if (inStore) {
                            return CompletableFuture.<Void>completedFuture(null);
                        }
                        if (!Files.exists(file)) {
                            return CompletableFuture.<Void>failedFuture(new NoSuchFileException(file.toString(),
                                    null, "the segment is neither on disk nor in S3"));
                        }
                        return store.putFile(segment.objectKey(), file, SEGMENT_TYPE, IMMUTABLE);
                    })
                    .whenComplete((ok, failure) -> post(new Uploaded(segment, failure)));
        }
    }

    private void writeLivePlaylists(Instant now) {
        if (now.isBefore(retryAt)) {
            return;
        }
        for (ChannelWindow window : windows.values()) {
            if (!window.dirty || window.writing || window.recent.isEmpty()) {
                continue;
            }
            List<Segment> covered = new ArrayList<>(window.covered);
            window.covered.clear();
            window.dirty = false;
            window.writing = true;
            String text = window.livePlaylist(settings.liveWindow(), false);
            store.putText(ObjectKeys.livePlaylist(window.channelFolder), text, PLAYLIST_TYPE, liveCacheControl())
                    .whenComplete((ok, failure) -> post(new LiveWritten(window.channelId, covered, failure)));
        }
    }

    private void writeDueReplays(Instant now) {
        replayChecksEmpty = replayChecks.isEmpty();
        if (replayChecks.isEmpty() || now.isBefore(retryAt)) {
            return;
        }
        for (var check : new ArrayList<>(replayChecks.entrySet())) {
            String channelId = check.getKey();
            if (check.getValue().isAfter(now) || replayWriting.contains(channelId) || busy(channelId)) {
                continue;
            }
            Optional<List<Segment>> due = segments.replayDue(channelId, REPLAY_GRACE, now);
            if (due.isEmpty()) {
                if (segments.replayOf(channelId).isPresent() || !segments.channelEnded(channelId)) {
                    replayChecks.remove(channelId);
                } else {
                    replayChecks.put(channelId, now.plusSeconds(1));
                }
                continue;
            }
            replayChecks.remove(channelId);
            List<Segment> all = due.get();
            if (all.isEmpty()) {
                continue; // ended without ever cutting a segment: no replay
            }
            replayWriting.add(channelId);
            String channelFolder = folderOf(all.get(0));
            List<MediaPlaylists.Item> items = all.stream().map(FolderSync::item).toList();
            Duration total = all.stream().map(Segment::duration).reduce(Duration.ZERO, Duration::plus);
            long sessions = all.stream().map(Segment::sessionId).distinct().count();
            Replay replay = new Replay(channelId, ObjectKeys.replayPlaylist(channelFolder), total, all.size(), (int) sessions, now);
            ChannelWindow window = windows.get(channelId);
            String finalLive = window != null && !window.recent.isEmpty() ? window.livePlaylist(settings.liveWindow(), true)
                    : MediaPlaylists.live(items.subList(Math.max(0, items.size() - settings.liveWindow()), items.size()),
                            Math.max(0, items.size() - settings.liveWindow()),
                            segments.discontinuitiesUpTo(channelId, Math.max(0, items.size() - settings.liveWindow())), true);
            store.putText(replay.objectKey(), MediaPlaylists.vod(items), PLAYLIST_TYPE, IMMUTABLE_PLAYLIST)
                    .thenCompose(ok -> store.putText(ObjectKeys.livePlaylist(channelFolder), finalLive, PLAYLIST_TYPE, liveCacheControl()))
                    .whenComplete((ok, failure) -> post(new ReplayWritten(replay, failure)));
        }
        replayChecksEmpty = replayChecks.isEmpty() && replayWriting.isEmpty();
    }

    /** A replay playlist never changes once written, but is cached for a day rather than a year, for operators' sake. */
    static final String IMMUTABLE_PLAYLIST = "public, max-age=86400";

    private boolean busy(String channelId) {
        if (inFlight.values().stream().anyMatch(s -> s.channelId().equals(channelId))
                || queue.stream().anyMatch(s -> s.channelId().equals(channelId))) {
            return true;
        }
        ChannelWindow window = windows.get(channelId);
        return window != null && (window.writing || window.dirty || window.holding() > 0);
    }

    private String liveCacheControl() {
        return "public, max-age=" + Math.max(1, settings.liveMaxAge().toSeconds());
    }

    private void post(Done message) {
        done.add(message);
        wake.accept(this);
    }

    private void failed(String what, Throwable failure, Instant now) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        failures++;
        lastError = what + ": " + cause;
        retryDelay = retryDelay.isZero() ? FIRST_RETRY : retryDelay.multipliedBy(2);
        if (retryDelay.compareTo(settings.maxRetryDelay()) > 0) {
            retryDelay = settings.maxRetryDelay();
        }
        retryAt = now.plus(retryDelay);
        if (failures == 1 || failures % 20 == 0) {
            LOG.log(Level.WARNING, "Delivery of {0} failed ({1} failure(s) in a row; trying again in {2} ms): {3}",
                    new Object[] {what, failures, retryDelay.toMillis(), String.valueOf(cause)});
        }
    }

    private void succeeded() {
        if (failures > 0) {
            LOG.log(Level.INFO, "Delivery from {0} works again after {1} failure(s)", new Object[] {dir, failures});
        }
        failures = 0;
        lastError = null;
        retryDelay = Duration.ZERO;
        retryAt = Instant.MIN;
    }

    private void deleteFile(Segment segment) {
        if (held.contains(segment.id())) {
            releaseLater.add(segment.id());
            return;
        }
        try {
            Files.deleteIfExists(dir.resolve(segment.fileName()));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot delete the uploaded segment {0}: {1}", new Object[] {dir.resolve(segment.fileName()), e.toString()});
        }
    }

    private void report() {
        Instant oldest = null;
        int waiting = queue.size() + inFlight.size();
        for (Segment segment : queue) {
            oldest = earliest(oldest, segment.listedAt());
            break;
        }
        for (Segment segment : inFlight.values()) {
            oldest = earliest(oldest, segment.listedAt());
        }
        for (ChannelWindow window : windows.values()) {
            waiting += window.holding();
            oldest = earliest(oldest, window.oldestHeld());
        }
        if (moreInStore && queue.isEmpty() && waiting == 0) {
            waiting = 1;
        }
        nothingHeld = held.isEmpty() && releaseLater.isEmpty();
        status = new Status(folder, waiting, oldest, failures, lastError, Set.copyOf(windows.keySet()), uploadedCount);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private ChannelWindow window(String channelId) {
        return windows.computeIfAbsent(channelId, id -> new ChannelWindow(id, segments));
    }

    static String folderOf(Segment segment) {
        String key = segment.objectKey();
        String uri = ObjectKeys.segmentUri(segment.sessionId(), segment.number());
        return key.substring(0, key.length() - uri.length());
    }

    static MediaPlaylists.Item item(Segment segment) {
        return new MediaPlaylists.Item(ObjectKeys.segmentUri(segment.sessionId(), segment.number()), segment.duration(),
                segment.discontinuity());
    }

    /**
     * A channel's live edge: the newest segments that are in S3 with every segment before them
     * ({@link #recent}), the ones uploaded ahead of a gap, and the ones a live playlist has yet
     * to name before their rows are marked ({@link #covered}).
     */
    private static final class ChannelWindow {
        final String channelId;
        String channelFolder;
        int contiguous;
        long discontinuities;
        final Deque<Segment> recent = new ArrayDeque<>();
        final TreeMap<Integer, Segment> ahead = new TreeMap<>();
        final List<Segment> covered = new ArrayList<>();
        boolean dirty;
        boolean writing;

        ChannelWindow(String channelId, Segments segments) {
            this.channelId = channelId;
            List<Segment> latest = segments.latestUploaded(channelId, 100);
            recent.addAll(latest);
            contiguous = latest.isEmpty() ? -1 : latest.get(latest.size() - 1).seq();
            discontinuities = latest.isEmpty() ? 0 : segments.discontinuitiesUpTo(channelId, latest.get(0).seq());
            if (!latest.isEmpty()) {
                channelFolder = folderOf(latest.get(0));
            }
        }

        void uploaded(Segment segment) {
            if (channelFolder == null) {
                channelFolder = folderOf(segment);
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
            while (recent.size() > 100) {
                recent.pollFirst();
                if (recent.peekFirst().discontinuity()) {
                    discontinuities++;
                }
            }
        }

        String livePlaylist(int size, boolean ended) {
            List<Segment> all = new ArrayList<>(recent);
            int from = Math.max(0, all.size() - size);
            long disc = discontinuities;
            for (int i = 1; i <= from; i++) {
                if (all.get(i).discontinuity()) {
                    disc++;
                }
            }
            List<MediaPlaylists.Item> items = all.subList(from, all.size()).stream().map(FolderSync::item).toList();
            return MediaPlaylists.live(items, all.get(from).seq(), disc, ended);
        }

        int holding() {
            return ahead.size() + covered.size();
        }

        void holds(Set<Long> ids) {
            ahead.values().forEach(s -> ids.add(s.id()));
            covered.forEach(s -> ids.add(s.id()));
        }

        Instant oldestHeld() {
            Instant oldest = null;
            for (Segment s : covered) {
                oldest = earliest(oldest, s.listedAt());
            }
            for (Segment s : ahead.values()) {
                oldest = earliest(oldest, s.listedAt());
            }
            return oldest;
        }
    }
}
