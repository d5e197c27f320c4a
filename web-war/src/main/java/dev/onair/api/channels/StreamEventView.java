package dev.onair.api.channels;

import dev.onair.channels.entity.StreamEventRecord;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One stream lifecycle event of a channel, as journaled when it happened. */
@Schema(name = "StreamEvent", example = "{\"sequence\": 3, \"type\": \"INTERRUPTED\", \"sessionId\": \"9d2a7c41-3b6e-4f0a-8c1d-5e2f"
        + "4a6b7c80\", \"reason\": \"publisher-left\", \"at\": \"2026-12-03T10:12:00Z\"}")
public record StreamEventView(
        @Schema(description = "Increasing in the order the events happened") long sequence,
        @Schema(enumeration = {"STARTED", "INTERRUPTED", "RESUMED", "ENDED"}) String type,
        @Schema(description = "The id of the publish (one connection of the encoder) the event is about; absent when a channel ended without ever publishing") String sessionId,
        @Schema(description = "For INTERRUPTED and ENDED: publisher-left, publisher-vanished, key-rotated, "
                + "ingest-restarted, publisher-replaced; ended-by-broadcaster, ended-by-admin, reconnect-timeout, max-length, account-disabled")
        String reason,
        Instant at) {

    public static StreamEventView of(StreamEventRecord record) {
        return new StreamEventView(record.id(), record.type(), record.publishId(), record.reason(), record.at());
    }
}
