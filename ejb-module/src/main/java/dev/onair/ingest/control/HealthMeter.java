package dev.onair.ingest.control;

import dev.onair.ingest.entity.StreamHealth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/**
 * Turns successive readings of one stream's {@code bytes_in} into a bitrate and a verdict. The
 * first reading averages over the stream's whole life (nginx's {@code time}); later ones measure
 * the bytes since the previous reading. STARVING: nothing arrived since the previous reading, or
 * the bitrate fell below {@code starvingRatio} of the highest bitrate of the last minute. Not
 * thread-safe: one watchdog owns it.
 */
final class HealthMeter {

    /** Bytes per millisecond times this are bits per second. */
    private static final long BITS_PER_BYTE_MILLISECONDS = Byte.SIZE * TimeUnit.SECONDS.toMillis(1);

    static final Duration PEAK_WINDOW = Duration.ofSeconds(60);

    private record Sample(Instant at, long bitrate) {
    }

    private final double starvingRatio;
    private final Deque<Sample> recent = new ArrayDeque<>();
    private long lastBytes = -1;
    private Instant lastAt;

    HealthMeter(double starvingRatio) {
        this.starvingRatio = starvingRatio;
    }

    /** Records a reading and returns the bitrate (bits/s) and verdict it implies. */
    Reading read(long bytesIn, long streamMillis, Instant now) {
        long bitrate;
        boolean noData;
        if (lastBytes < 0 || bytesIn < lastBytes) {
            bitrate = streamMillis > 0 ? bytesIn * BITS_PER_BYTE_MILLISECONDS / streamMillis : 0;
            noData = bytesIn == 0;
        } else {
            long millis = Math.max(1, Duration.between(lastAt, now).toMillis());
            bitrate = (bytesIn - lastBytes) * BITS_PER_BYTE_MILLISECONDS / millis;
            noData = bytesIn == lastBytes;
        }
        lastBytes = bytesIn;
        lastAt = now;
        while (!recent.isEmpty() && recent.peekFirst().at().isBefore(now.minus(PEAK_WINDOW))) {
            recent.removeFirst();
        }
        recent.addLast(new Sample(now, bitrate));
        long peak = recent.stream().mapToLong(Sample::bitrate).max().orElse(bitrate);
        boolean collapsed = bitrate < peak * starvingRatio;
        return new Reading(bitrate, noData || collapsed ? StreamHealth.Verdict.STARVING : StreamHealth.Verdict.HEALTHY);
    }

    record Reading(long bitrate, StreamHealth.Verdict verdict) {
    }
}
