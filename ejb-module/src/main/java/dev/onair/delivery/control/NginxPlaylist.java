package dev.onair.delivery.control;

import dev.onair.shared.Durations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One version of the sliding playlist nginx-rtmp writes for a stream ({@code index.m3u8}):
 * the segments it lists, each with its file number, duration and the publish it belongs to.
 * nginx starts every publish with {@code #EXT-X-DISCONTINUITY} and, with
 * {@code hls_continuous on}, keeps the previous publishes' entries (and numbering) in the
 * window; {@link Entry#run()} counts publishes from the oldest one in this window (0).
 * A segment is complete once a playlist lists it.
 */
public record NginxPlaylist(List<Entry> entries) {

    private static final Pattern SEGMENT = Pattern.compile("(\\d{1,18})\\.ts");
    private static final Pattern EXTINF = Pattern.compile("#EXTINF:([0-9]+(?:\\.[0-9]+)?)\\s*,.*");

    /** A listed segment: {@code <number>.ts}, how long it plays, and which publish of the window cut it. */
    public record Entry(long number, Duration duration, int run) {
    }

    public NginxPlaylist {
        entries = List.copyOf(entries);
    }

    /**
     * Reads nginx's playlist text. Lines it does not know are skipped; a URI that is not a
     * segment number of nginx's ({@code 17.ts}) or a segment without {@code #EXTINF} is refused,
     * as nginx writes neither and OnAir would not know what to upload.
     */
    public static NginxPlaylist parse(String text) {
        if (!text.startsWith("#EXTM3U")) {
            throw new IllegalArgumentException("not an HLS playlist (no #EXTM3U)");
        }
        List<Entry> entries = new ArrayList<>();
        Duration pending = null;
        int run = 0;
        boolean entrySeen = false;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.equals("#EXT-X-DISCONTINUITY")) {
                // a new publish; entries before the first tag are a publish whose tag slid out of the window
                if (entrySeen) {
                    run++;
                }
                continue;
            }
            Matcher inf = EXTINF.matcher(line);
            if (inf.matches()) {
                pending = Durations.ofSeconds(Double.parseDouble(inf.group(1)));
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            Matcher segment = SEGMENT.matcher(line);
            if (!segment.matches()) {
                throw new IllegalArgumentException("unexpected segment URI in nginx's playlist: " + line);
            }
            if (pending == null) {
                throw new IllegalArgumentException("segment " + line + " has no #EXTINF");
            }
            entries.add(new Entry(Long.parseLong(segment.group(1)), pending, run));
            entrySeen = true;
            pending = null;
        }
        return new NginxPlaylist(entries);
    }

    /** Whether an entry above {@code number} is the first of its run in this window (a publish may have started there). */
    public boolean opensRunAbove(long number) {
        int run = -1;
        for (Entry entry : entries) {
            if (entry.run() != run && entry.number() > number) {
                return true;
            }
            run = entry.run();
        }
        return false;
    }

    /** How many publishes this window holds entries of. */
    public int runs() {
        return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).run() + 1;
    }
}
