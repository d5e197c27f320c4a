package dev.onair.delivery.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The presentation times in an MPEG-TS segment (ISO/IEC 13818-1), read from the PES headers
 * without decoding: the PTS of its first picture (the key frame nginx cut it at; the first audio
 * frame when there is no video), the latest one, and the frame interval. For segments nginx no
 * longer lists (it was not watched while it cut them), whose durations have to be measured: as
 * nginx counts, a segment lasts from its key frame to the next segment's.
 */
public record TsTiming(long firstPts, long lastPts, long frameInterval) {

    static final int PACKET = 188;
    static final long CLOCK = 90_000;
    static final long WRAP = 1L << 33;

    /** Reads {@code file}; empty when it holds no timestamped PES packet (not MPEG-TS, or empty). */
    public static Optional<TsTiming> of(Path file) throws IOException {
        TreeSet<Long> video = new TreeSet<>();
        TreeSet<Long> other = new TreeSet<>();
        Long firstVideo = null;
        Long firstOther = null;
        byte[] packet = new byte[PACKET];
        try (InputStream in = Files.newInputStream(file)) {
            while (in.readNBytes(packet, 0, PACKET) == PACKET) {
                if ((packet[0] & 0xff) != 0x47 || (packet[1] & 0x40) == 0) {
                    continue; // out of sync, or no PES starts here
                }
                int control = (packet[3] >> 4) & 0x3;
                int start = control == 3 ? 5 + (packet[4] & 0xff) : control == 1 ? 4 : PACKET;
                if (start + 14 > PACKET || packet[start] != 0 || packet[start + 1] != 0 || packet[start + 2] != 1) {
                    continue;
                }
                int streamId = packet[start + 3] & 0xff;
                if ((packet[start + 7] & 0x80) == 0) {
                    continue; // no PTS
                }
                long pts = ((long) (packet[start + 9] & 0x0e) << 29) | ((long) (packet[start + 10] & 0xff) << 22)
                        | ((long) (packet[start + 11] & 0xfe) << 14) | ((long) (packet[start + 12] & 0xff) << 7)
                        | ((packet[start + 13] & 0xfe) >> 1);
                if (streamId >= 0xe0 && streamId <= 0xef) {
                    video.add(pts);
                    firstVideo = firstVideo == null ? pts : firstVideo;
                } else {
                    other.add(pts);
                    firstOther = firstOther == null ? pts : firstOther;
                }
            }
        }
        TreeSet<Long> times = video.isEmpty() ? other : video;
        if (times.isEmpty()) {
            return Optional.empty();
        }
        long first = video.isEmpty() ? firstOther : firstVideo;
        long interval = 0;
        Long previous = null;
        for (long pts : times) {
            if (previous != null && pts > previous && (interval == 0 || pts - previous < interval)) {
                interval = pts - previous;
            }
            previous = pts;
        }
        return Optional.of(new TsTiming(first, times.last(), interval));
    }

    /** From this segment's start to {@code next}'s (both of one stream); or to its own end without a next. */
    public Duration until(TsTiming next) {
        long ticks = next == null ? lastPts - firstPts + frameInterval : Math.floorMod(next.firstPts - firstPts, WRAP);
        return Duration.ofNanos(ticks * 1_000_000_000L / CLOCK);
    }
}
