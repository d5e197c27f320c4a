package dev.onair.ingest.entity;

import java.time.Instant;

/**
 * nginx was told to refuse a publish of a broadcaster OnAir knows (fired in the on_publish
 * transaction): why ({@link PublishRefused.Reason#type()}), and the channel it would have gone
 * to when there is one. A publish with a stream name no key has is only logged: it is nobody's.
 */
public record PublishDenied(String accountId, String channelId, String reason, Instant at) {
}
