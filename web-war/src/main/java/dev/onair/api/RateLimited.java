package dev.onair.api;

import dev.onair.shared.DomainException;

import java.time.Duration;
import java.util.Optional;

/** A client over its rate limit ({@link RateLimits}): 429 with {@code Retry-After} (whole seconds, at least one). */
public class RateLimited extends DomainException {

    private final long seconds;

    public RateLimited(Duration wait) {
        this(Math.max(1, wait.plusSeconds(1).minusNanos(1).toSeconds())); // whole seconds, rounded up
    }

    private RateLimited(long seconds) {
        super(Kind.LIMITED, "rate-limited", "Too many requests", "this address asked too often; try again in " + seconds + " s");
        this.seconds = seconds;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(Duration.ofSeconds(seconds));
    }
}
