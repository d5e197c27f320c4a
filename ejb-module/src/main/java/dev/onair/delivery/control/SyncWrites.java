package dev.onair.delivery.control;

import dev.onair.delivery.entity.Replay;
import dev.onair.delivery.entity.Segment;
import dev.onair.delivery.entity.Thumbnail;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What a folder's sync writes to S3, with the headers each object gets: segments (immutable),
 * live playlists (cached for {@code onair.delivery.live-max-age}), replays (the VOD playlist,
 * then the final live playlist) and thumbnails. Each write ends in a {@link Done} message to the
 * sync, success or failure, never in a change of the sync's state from S3's threads.
 */
public final class SyncWrites {

    static final String SEGMENT_TYPE = "video/mp2t";
    static final String PLAYLIST_TYPE = "application/vnd.apple.mpegurl";
    static final String JPEG_TYPE = "image/jpeg";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** A replay playlist never changes once written, but is cached for a day rather than a year, for operators' sake. */
    static final String IMMUTABLE_PLAYLIST = "public, max-age=86400";
    static final String LATEST_THUMBNAIL = "public, max-age=10";

    /** A write's outcome, for the sync's next step; {@code failure} is null on success. */
    public sealed interface Done permits Uploaded, LiveWritten, ReplayWritten, ThumbnailMade {
        Throwable failure();
    }

    /** A segment's upload, known by its file number (its row may not be recorded yet). */
    public record Uploaded(long number, String key, Throwable failure) implements Done {
    }

    public record LiveWritten(LiveWindow.Write write, Throwable failure) implements Done {
    }

    public record ReplayWritten(Replay replay, Throwable failure) implements Done {
    }

    public record ThumbnailMade(Segment source, Thumbnail thumbnail, Throwable failure) implements Done {
    }

    private final Path dir;
    private final Bucket bucket;
    private final Thumbnailer thumbnailer;
    private final Executor executor;
    private final String liveCacheControl;
    private final Consumer<Done> done;

    public SyncWrites(Path dir, Bucket bucket, Thumbnailer thumbnailer, Executor executor, Duration liveMaxAge,
                      Consumer<Done> done) {
        this.dir = dir;
        this.bucket = bucket;
        this.thumbnailer = thumbnailer;
        this.executor = executor;
        this.liveCacheControl = "public, max-age=" + Math.max(1, liveMaxAge.toSeconds());
        this.done = done;
    }

    /**
     * Uploads a segment from its file. One that may be in S3 already (listed before this sync
     * started) or whose file is gone is looked for first; one neither on disk nor in S3 fails.
     */
    public void upload(UploadQueue.Start start) {
        Segment segment = start.segment();
        Path file = dir.resolve(segment.fileName());
        CompletableFuture<Boolean> present = start.verifyFirst() || !Files.exists(file)
                ? bucket.exists(segment.objectKey()) : CompletableFuture.completedFuture(false);
        present.thenCompose(inStore -> {
                    if (inStore) {
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    if (!Files.exists(file)) {
                        return CompletableFuture.<Void>failedFuture(new NoSuchFileException(file.toString(),
                                null, "the segment is neither on disk nor in S3"));
                    }
                    return bucket.putFile(segment.objectKey(), file, SEGMENT_TYPE, IMMUTABLE);
                })
                .whenComplete((ok, failure) -> done.accept(new Uploaded(segment.number(), segment.objectKey(), failure)));
    }

    /** Uploads segment {@code number} as nginx just listed it, before its row is recorded ({@link UploadQueue#startEarly}). */
    public void uploadListed(long number, String key) {
        bucket.putFile(key, dir.resolve(Segment.fileName(number)), SEGMENT_TYPE, IMMUTABLE)
                .whenComplete((ok, failure) -> done.accept(new Uploaded(number, key, failure)));
    }

    public void live(LiveWindow.Write write) {
        bucket.putText(write.key(), write.text(), PLAYLIST_TYPE, liveCacheControl)
                .whenComplete((ok, failure) -> done.accept(new LiveWritten(write, failure)));
    }

    /** The replay's VOD playlist, then the live playlist's final version. */
    public void replay(ReplayWriter.Job job) {
        bucket.putText(job.replay().objectKey(), job.vod(), PLAYLIST_TYPE, IMMUTABLE_PLAYLIST)
                .thenCompose(ok -> bucket.putText(job.liveKey(), job.finalLive(), PLAYLIST_TYPE, liveCacheControl))
                .whenComplete((ok, failure) -> done.accept(new ReplayWritten(job.replay(), failure)));
    }

    /**
     * Starts a thumbnail of {@code source} (its JPEG, then the channel's latest); false when the
     * node is making another one (the next segment gets its turn).
     */
    public boolean thumbnail(Segment source, Instant now) {
        var jpeg = thumbnailer.start(dir.resolve(source.fileName()), executor);
        if (jpeg.isEmpty()) {
            return false;
        }
        String channelFolder = ObjectKeys.folderOf(source);
        Thumbnail thumbnail = new Thumbnail(source.channelId(), now, ObjectKeys.thumbnailAt(channelFolder, now.getEpochSecond()));
        jpeg.get().thenCompose(bytes -> bucket.putBytes(thumbnail.objectKey(), bytes, JPEG_TYPE, IMMUTABLE)
                        .thenCompose(ok -> bucket.putBytes(ObjectKeys.latestThumbnail(channelFolder), bytes, JPEG_TYPE, LATEST_THUMBNAIL)))
                .whenComplete((ok, failure) -> done.accept(new ThumbnailMade(source, thumbnail, failure)));
        return true;
    }
}
