package dev.onair.delivery.control;

import dev.onair.delivery.entity.Segment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The segment files nginx wrote in a folder. A file is deleted only once its row is marked
 * uploaded (in S3 and named by a live playlist), and not while a thumbnail is being made of it
 * ({@link ThumbnailSchedule}): then when the thumbnail is done.
 */
public final class SegmentFiles {

    private static final Logger LOG = Logger.getLogger(SegmentFiles.class.getName());
    private static final String SEGMENT_FILE = "\\d{1,18}\\.ts";

    private final Path dir;
    private final ThumbnailSchedule thumbnails;

    public SegmentFiles(Path dir, ThumbnailSchedule thumbnails) {
        this.dir = dir;
        this.thumbnails = thumbnails;
    }

    /** The file numbers of the segments on disk (none when the folder cannot be listed). */
    public List<Long> numbers() {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(name -> name.matches(SEGMENT_FILE))
                    .map(name -> Long.parseLong(name.substring(0, name.indexOf('.')))).toList();
        } catch (IOException e) {
            LOG.log(Level.FINE, "Cannot list {0}: {1}", new Object[] {dir, e});
            return List.of();
        }
    }

    /** Deletes the file of an uploaded segment, now or when the thumbnail that holds it is done. */
    public void delete(Segment segment) {
        if (thumbnails.mayDelete(segment)) {
            deleteNow(segment);
        }
    }

    /** Deletes the file now: a thumbnail that held it is done, and it was to be deleted meanwhile. */
    public void deleteNow(Segment segment) {
        Path file = dir.resolve(segment.fileName());
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot delete the uploaded segment {0}: {1}", new Object[] {file, e});
        }
    }
}
