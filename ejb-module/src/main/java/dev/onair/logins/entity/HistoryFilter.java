package dev.onair.logins.entity;

import java.time.Instant;

/** What an admin narrows the login history to; every part is optional (null). {@code to} is exclusive. */
public record HistoryFilter(String accountId, String provider, Outcome outcome, Instant from, Instant to) {
}
