package dev.onair.ingest.control;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DenialNoticesTest {

    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void oneNoticePerBroadcasterAndReasonPerQuietPeriod() {
        DenialNotices notices = new DenialNotices();
        assertTrue(notices.tell("a", "stream-key-refused", AT));
        assertFalse(notices.tell("a", "stream-key-refused", AT.plusSeconds(1)), "a key tried in a loop is told once");
        assertTrue(notices.tell("a", "no-open-channel", AT.plusSeconds(1)), "another reason is news");
        assertTrue(notices.tell("b", "stream-key-refused", AT.plusSeconds(1)), "another broadcaster's is theirs");
        assertFalse(notices.tell("a", "stream-key-refused", AT.plus(DenialNotices.QUIET).minusMillis(1)));
        assertTrue(notices.tell("a", "stream-key-refused", AT.plus(DenialNotices.QUIET)));
    }
}
