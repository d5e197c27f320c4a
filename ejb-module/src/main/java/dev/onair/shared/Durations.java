package dev.onair.shared;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Durations as the formats OnAir writes and reads express them: seconds with a fraction. */
public final class Durations {

    private static final double MILLIS_PER_SECOND = TimeUnit.SECONDS.toMillis(1);
    private static final double NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    private Durations() {
    }

    /** {@code duration} in seconds, to the millisecond (HLS's {@code #EXTINF}, the API's figures). */
    public static double seconds(Duration duration) {
        return duration.toMillis() / MILLIS_PER_SECOND;
    }

    /** The duration of {@code seconds}, to the nanosecond. */
    public static Duration ofSeconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * NANOS_PER_SECOND));
    }
}
