package dev.onair.api.events;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A read of the feed: the events, and the number to ask after next. */
@Schema(name = "FeedPage", example = "{\"events\": [{\"sequence\": 42, \"id\": \"0b7e7f43-5a43-4f0e-8f4e-2b8f1c1d9a10\", \"type\": \"channel.created\", "
        + "\"at\": \"2026-12-03T10:15:30Z\", \"channelId\": \"6f1c1f8e-2a47-4c1e-9d4e-0c6c2b6f9a11\", \"data\": {\"channelId\": \"6f1c1f8e-2a47-4c1e-9d4e-0c6c2b6f9a11\", "
        + "\"title\": \"Evening stream\", \"visibility\": \"PUBLIC\"}}], \"next\": 42}")
public record FeedPageView(
        @Schema(description = "In order of sequence")
        List<FeedEventView> events,
        @Schema(description = "The last sequence in this page, or the after asked for when it is empty: the after of the next read")
        long next) {
}
