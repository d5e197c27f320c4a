package dev.onair.delivery.control;

import dev.onair.delivery.control.SyncRecords.FolderPublish;
import dev.onair.delivery.control.SyncRecords.Listed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads nginx's playlist of one folder and says which publish cut each segment it newly lists.
 * <p>
 * A segment is complete once a playlist lists it, so a segment is recorded only from a listing.
 * nginx starts every publish with a discontinuity and keeps earlier publishes of the window
 * before it (with {@code hls_continuous on}, one numbering across them): the last run of the
 * playlist is the publish that was going on when nginx wrote it, each run before it the publish
 * before. Attribution therefore holds across reconnects. Segments nginx cut while nobody read its
 * playlists for longer than its window (OnAir down, nginx not) are found on disk between the
 * last recorded number and the first listed one; their durations are measured from their
 * timestamps and each belongs to the publish that was going on when its file was last written.
 * <p>
 * The folder's publishes are asked for when something new is listed and either the reader has
 * none yet, a new entry opens a run (nginx opens one for every publish, so a publish that started
 * since the last ask shows there first) or segments slid out unread; otherwise the last answer
 * holds, as no publish can have started: a steady stream costs no query per segment.
 */
public final class PlaylistReader {

    private static final Logger LOG = Logger.getLogger(PlaylistReader.class.getName());
    /** nginx's playlist file in each folder. */
    public static final String PLAYLIST = "index.m3u8";
    /** A playlist written this recently shows the live edge (and not a backlog read after a restart). */
    static final Duration FRESH = Duration.ofSeconds(10);
    /** The publishes of a folder considered for attribution, newest first. */
    static final int PUBLISHES = 16;
    private static final String SEGMENT_SUFFIX = ".ts";

    /** What a changed playlist newly lists: the segments, the highest number listed, and whether it shows the live edge. */
    public record Listing(List<Listed> listed, long highest, boolean fresh, FileTime modified, long size) {
    }

    private final Path dir;
    private long highWater = Long.MIN_VALUE;
    /** The folder's publishes as last asked for, newest first; null when not asked since the start. */
    private List<FolderPublish> known;
    private FileTime seenTime;
    private long seenSize = -1;

    public PlaylistReader(Path dir) {
        this.dir = dir;
    }

    /** Whether {@link #start} was called since the reader was made or last {@linkplain #forget forgot}. */
    public boolean started() {
        return highWater != Long.MIN_VALUE;
    }

    /** Reads from here on what nginx lists above {@code highest} (the highest file number recorded, or -1). */
    public void start(long highest) {
        highWater = highest;
    }

    /**
     * What nginx's playlist lists above the highest number recorded, when the playlist changed
     * since the last {@link #seen}; empty when it did not, is missing or unreadable (logged), or
     * lists nothing new (then it counts as seen). {@code publishes} gives a folder's newest
     * publishes, asked only when something is new. Only after {@link #start}.
     */
    public Optional<Listing> read(IntFunction<List<FolderPublish>> publishes, Instant now) {
        Path file = dir.resolve(PLAYLIST);
        BasicFileAttributes attributes;
        String text;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.lastModifiedTime().equals(seenTime) && attributes.size() == seenSize) {
                return Optional.empty();
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot read {0}: {1}", new Object[] {file, e.toString()});
            return Optional.empty();
        }
        NginxPlaylist playlist;
        try {
            playlist = NginxPlaylist.parse(text);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "nginx''s playlist {0} is not usable: {1}", new Object[] {file, e.getMessage()});
            return Optional.empty();
        }
        Instant written = attributes.lastModifiedTime().toInstant();
        List<NginxPlaylist.Entry> fresh = playlist.entries().stream().filter(e -> e.number() > highWater).toList();
        if (fresh.isEmpty()) {
            seen(new Listing(List.of(), highWater, false, attributes.lastModifiedTime(), attributes.size()));
            return Optional.empty();
        }
        if (known == null || playlist.opensRunAbove(highWater) || fresh.get(0).number() > highWater + 1) {
            known = publishes.apply(PUBLISHES);
        }
        List<Listed> listed = new ArrayList<>(unlisted(fresh.get(0).number(), known));
        listed.addAll(attribute(playlist, fresh, written, known));
        return Optional.of(new Listing(List.copyOf(listed), fresh.get(fresh.size() - 1).number(),
                written.plus(FRESH).isAfter(now), attributes.lastModifiedTime(), attributes.size()));
    }

    /** The listing is recorded: the same playlist is not read again, nor anything up to its highest number. */
    public void seen(Listing listing) {
        highWater = Math.max(highWater, listing.highest());
        seenTime = listing.modified();
        seenSize = listing.size();
    }

    /** Forgets all: the next {@link #start} sets where to read from, and the playlist is read again even if unchanged. */
    public void forget() {
        highWater = Long.MIN_VALUE;
        known = null;
        seenTime = null;
        seenSize = -1;
    }

    private List<Listed> attribute(NginxPlaylist playlist, List<NginxPlaylist.Entry> fresh, Instant written,
                                   List<FolderPublish> publishes) {
        int anchor = -1;
        for (int i = 0; i < publishes.size(); i++) {
            if (!publishes.get(i).startedAt().isAfter(written)) {
                anchor = i;
                break;
            }
        }
        if (anchor < 0) {
            LOG.log(Level.WARNING, "nginx listed segments in {0} that no publish of OnAir accounts for; not uploaded", dir);
            return List.of();
        }
        List<Listed> listed = new ArrayList<>();
        int runs = playlist.runs();
        for (NginxPlaylist.Entry entry : fresh) {
            int index = anchor + (runs - 1 - entry.run());
            if (index >= publishes.size()) {
                LOG.log(Level.WARNING, "Segment {0} in {1} belongs to no known publish; not uploaded",
                        new Object[] {entry.number(), dir});
                continue;
            }
            listed.add(new Listed(publishes.get(index), entry.number(), entry.duration()));
        }
        return listed;
    }

    private List<Listed> unlisted(long firstListed, List<FolderPublish> publishes) {
        List<Listed> found = new ArrayList<>();
        if (firstListed <= highWater + 1) {
            return found;
        }
        TsTiming next = null;
        for (long number = firstListed; number > highWater + 1; number--) {
            Path file = dir.resolve((number - 1) + SEGMENT_SUFFIX);
            try {
                if (number == firstListed) {
                    Path listedFile = dir.resolve(number + SEGMENT_SUFFIX);
                    next = Files.exists(listedFile) ? TsTiming.of(listedFile).orElse(null) : null;
                }
                if (!Files.exists(file)) {
                    next = null;
                    continue;
                }
                TsTiming timing = TsTiming.of(file).orElse(null);
                Instant written = Files.getLastModifiedTime(file).toInstant();
                FolderPublish publish = publishes.stream().filter(s -> !s.startedAt().isAfter(written)).findFirst().orElse(null);
                if (timing != null && publish != null) {
                    found.add(0, new Listed(publish, number - 1, timing.until(next)));
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
}
