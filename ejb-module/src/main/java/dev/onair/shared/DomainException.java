package dev.onair.shared;

import jakarta.ejb.ApplicationException;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A refusal the caller can act on. {@link #type()} is a stable, documented identifier
 * (the suffix of the problem+json {@code type}); {@link #details()} are extra members for the
 * problem document, and never carry secrets.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class DomainException extends RuntimeException {

    /**
     * What went wrong, which decides the HTTP status; UPSTREAM is a partner (a sign-in provider)
     * that failed us, UNAVAILABLE a part of OnAir that cannot answer now (try again later),
     * TOO_LARGE a request bigger than OnAir reads, LIMITED a client asking too often.
     */
    public enum Kind { INVALID, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, TOO_LARGE, LIMITED, UPSTREAM, UNAVAILABLE }

    private final Kind kind;
    private final String type;
    private final String title;

    protected DomainException(Kind kind, String type, String title, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
        this.type = type;
        this.title = title;
    }

    public Kind kind() { return kind; }

    public String type() { return type; }

    public String title() { return title; }

    public String detail() { return getMessage(); }

    public Map<String, Object> details() { return Map.of(); }

    /** When the caller may try again (a {@code Retry-After} header), for refusals that know it. */
    public Optional<Duration> retryAfter() { return Optional.empty(); }
}
