package dev.onair.ingest.control;

import dev.onair.ingest.entity.StreamHealth;
import dev.onair.ingest.entity.StreamHealth.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A stream's verdict is told when it changes and holds: one odd reading makes no event, and each change makes one. */
class HealthMetersTest {

    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

    private static StreamHealth reading(String publishId, Verdict verdict) {
        return new StreamHealth("channel", publishId, verdict, 1000, "H264", 1280, 720, 30, "AAC", 48000, AT, AT);
    }

    private static List<Optional<Verdict>> feed(HealthMeters meters, String publishId, Verdict... verdicts) {
        List<Optional<Verdict>> told = new ArrayList<>();
        for (Verdict verdict : verdicts) {
            told.add(meters.change(reading(publishId, verdict)));
        }
        return told;
    }

    @Test
    void aChangeIsToldOnceItHeldForTwoReadings() {
        HealthMeters meters = new HealthMeters();
        assertEquals(List.of(Optional.empty(), Optional.empty(), Optional.of(Verdict.STARVING), Optional.empty(), Optional.empty(),
                        Optional.of(Verdict.HEALTHY)),
                feed(meters, "p", Verdict.HEALTHY, Verdict.STARVING, Verdict.STARVING, Verdict.STARVING, Verdict.HEALTHY, Verdict.HEALTHY));
    }

    @Test
    void oneOddReadingIsNoChangeAndPublishesAreApart() {
        HealthMeters meters = new HealthMeters();
        assertEquals(List.of(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                feed(meters, "p", Verdict.STARVING, Verdict.HEALTHY, Verdict.STARVING, Verdict.HEALTHY));
        assertEquals(List.of(Optional.empty(), Optional.of(Verdict.STARVING)), feed(meters, "q", Verdict.STARVING, Verdict.STARVING));
        assertEquals(List.of(Optional.empty()), feed(meters, "p", Verdict.HEALTHY), "q's change is not p's");
    }
}
