package dev.onair.ingest.entity;

import java.time.Instant;

/**
 * A live stream's verdict changed (HEALTHY to STARVING or back) and held for two readings in a
 * row; fired in a transaction of its own by the watchdog of the node that holds the publish.
 */
public record StreamHealthChanged(String channelId, String ownerId, String publishId, StreamHealth.Verdict verdict,
                                  long bitrate, Instant at) {
}
