package dev.onair.ingest.entity;

import java.time.Instant;

/** A broadcaster's stream key got a new secret; {@code publicName} is the stream name, which stays. */
public record StreamKeyRotated(String accountId, String publicName, Instant at) {
}
