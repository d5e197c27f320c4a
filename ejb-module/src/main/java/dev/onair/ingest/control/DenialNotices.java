package dev.onair.ingest.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which refused publishes are told (as a feed event) and which only logged: one per broadcaster
 * and reason per {@link #QUIET} on this node. Someone who knows a broadcaster's public stream name
 * and tries keys in a loop leaves one event a minute in that broadcaster's feed, not thousands.
 */
@ApplicationScoped
public class DenialNotices {

    /** How long after telling of a refusal the same broadcaster's refusals for the same reason are only logged. */
    public static final Duration QUIET = Duration.ofMinutes(1);
    /** Entries kept at most before old ones are swept (one per broadcaster and reason refused lately). */
    private static final int SWEEP_ABOVE = 10_000;

    private final Map<String, Instant> told = new ConcurrentHashMap<>();

    /** Whether a refusal of {@code accountId}'s publish for {@code reason} at {@code now} is to be told. */
    public boolean tell(String accountId, String reason, Instant now) {
        if (told.size() > SWEEP_ABOVE) {
            told.values().removeIf(at -> !at.plus(QUIET).isAfter(now));
        }
        boolean[] tell = {false};
        told.compute(accountId + " " + reason, (key, last) -> {
            if (last == null || !last.plus(QUIET).isAfter(now)) {
                tell[0] = true;
                return now;
            }
            return last;
        });
        return tell[0];
    }
}
