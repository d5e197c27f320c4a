package dev.onair.api.channels;

import dev.onair.channels.entity.StreamEventRecord;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One stream lifecycle event of a channel, as journaled when it happened. */
@Schema(name = "StreamEvent")
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
