package dev.onair.api;

import dev.onair.shared.DomainException;

import java.time.Duration;

/** A client over its rate limit ({@link RateLimits}): 429 with {@code Retry-After}. */
public class RateLimited extends DomainException {

    private final long retryAfterSeconds;

    public RateLimited(Duration wait) {
        super(Kind.LIMITED, "rate-limited", "Too many requests",
                "this address asked too often; try again in " + Math.max(1, (wait.toMillis() + 999) / 1000) + " s");
        this.retryAfterSeconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** Whole seconds, at least one, for the {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
