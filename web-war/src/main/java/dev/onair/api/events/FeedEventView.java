package dev.onair.api.events;

import dev.onair.feed.entity.FeedEvent;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.StringReader;
import java.time.Instant;

/** One event of the feed as integrators get it. */
@Schema(name = "FeedEvent", example = "{\"sequence\": 42, \"id\": \"0b7e7f43-5a43-4f0e-8f4e-2b8f1c1d9a10\", "
        + "\"type\": \"stream.ended\", \"at\": \"2026-12-03T10:15:30Z\", \"channelId\": \"6f1c1f8e-2a47-4c1e-9d4e-0c6c2b6f9a11\", "
        + "\"data\": {\"channelId\": \"6f1c1f8e-2a47-4c1e-9d4e-0c6c2b6f9a11\", \"publishId\": \"9d2a...\", \"reason\": \"ended-by-broadcaster\"}}")
public record FeedEventView(
        @Schema(description = "The event's place in the feed: gap-free and strictly increasing; ask for after=<the last one you saw>")
        long sequence,
        @Schema(description = "The event's id, the same on every read (and in a webhook's webhook-id)")
        String id,
        @Schema(description = "channel.created, channel.updated, channel.ended, stream.started, stream.interrupted, "
                + "stream.resumed, stream.ended")
        String type,
        @Schema(description = "When it happened")
        Instant at,
        @Schema(nullable = true)
        String channelId,
        @Schema(description = "What happened: ids, reasons, titles; never a secret")
        JsonObject data) {

    private static final JsonProvider JSON = JsonProvider.provider();

    static FeedEventView of(FeedEvent event) {
        return new FeedEventView(event.sequence(), event.eventId(), event.type(), event.at(), event.channelId(),
                JSON.createReader(new StringReader(event.payload())).readObject());
    }
}
