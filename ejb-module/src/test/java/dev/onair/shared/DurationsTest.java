package dev.onair.shared;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DurationsTest {

    @Test
    void secondsKeepTheMillisecondsAndNothingFiner() {
        assertEquals(1.5, Durations.seconds(Duration.ofMillis(1500)));
        assertEquals(2.002, Durations.seconds(Duration.ofNanos(2_002_999_999L)));
        assertEquals(0.0, Durations.seconds(Duration.ZERO));
    }

    @Test
    void secondsReadAsADurationToTheNanosecond() {
        assertEquals(Duration.ofMillis(2002), Durations.ofSeconds(2.002));
        assertEquals(Duration.ofNanos(1_000_000_001L), Durations.ofSeconds(1.000000001));
        assertEquals(Duration.ofSeconds(6), Durations.ofSeconds(6));
    }
}
