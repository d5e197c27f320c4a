package dev.onair.ingest.control;

import dev.onair.ingest.entity.StreamHealth.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HealthMeterTest {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void theFirstReadingAveragesOverTheStreamsLife() {
        HealthMeter meter = new HealthMeter(0.25);
        HealthMeter.Reading first = meter.read(1_000_000, 4_000, T0);
        assertEquals(2_000_000, first.bitrate());
        assertEquals(Verdict.HEALTHY, first.verdict());
    }

    @Test
    void laterReadingsMeasureTheBytesSinceThePreviousOne() {
        HealthMeter meter = new HealthMeter(0.25);
        meter.read(1_000_000, 4_000, T0);
        HealthMeter.Reading next = meter.read(1_375_000, 7_000, T0.plusSeconds(3));
        assertEquals(1_000_000, next.bitrate());
        assertEquals(Verdict.HEALTHY, next.verdict());
    }

    @Test
    void noDataIsStarving() {
        HealthMeter meter = new HealthMeter(0.25);
        meter.read(1_000_000, 4_000, T0);
        assertEquals(Verdict.STARVING, meter.read(1_000_000, 7_000, T0.plusSeconds(3)).verdict());
    }

    @Test
    void aCollapsedBitrateIsStarvingAndRecoveryIsHealthy() {
        HealthMeter meter = new HealthMeter(0.25);
        meter.read(0, 1, T0);
        long bytes = 0;
        for (int s = 3; s <= 30; s += 3) {
            bytes += 375_000; // 1 Mb/s
            assertEquals(Verdict.HEALTHY, meter.read(bytes, s * 1000L, T0.plusSeconds(s)).verdict());
        }
        bytes += 37_500; // 100 kb/s: a tenth of the peak
        HealthMeter.Reading collapsed = meter.read(bytes, 33_000, T0.plusSeconds(33));
        assertEquals(100_000, collapsed.bitrate());
        assertEquals(Verdict.STARVING, collapsed.verdict());
        bytes += 375_000;
        assertEquals(Verdict.HEALTHY, meter.read(bytes, 36_000, T0.plusSeconds(36)).verdict());
    }

    @Test
    void thePeakIsForgottenAfterAMinute() {
        HealthMeter meter = new HealthMeter(0.25);
        meter.read(0, 1, T0);
        meter.read(3_750_000, 3_000, T0.plusSeconds(3)); // 10 Mb/s burst
        long bytes = 3_750_000;
        HealthMeter.Reading reading = null;
        for (int s = 6; s <= 66; s += 3) {
            bytes += 75_000; // 200 kb/s from then on
            reading = meter.read(bytes, s * 1000L, T0.plusSeconds(s));
        }
        assertEquals(Verdict.HEALTHY, reading.verdict(), "a steady low bitrate is healthy once the burst is a minute old");
    }

    @Test
    void aRestartedCounterStartsOver() {
        HealthMeter meter = new HealthMeter(0.25);
        meter.read(5_000_000, 10_000, T0);
        HealthMeter.Reading reset = meter.read(250_000, 1_000, T0.plusSeconds(3));
        assertEquals(2_000_000, reset.bitrate());
    }
}
