package dev.onair.api.events;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A read of the feed: the events, and the number to ask after next. */
@Schema(name = "FeedPage")
public record FeedPageView(
        @Schema(description = "In order of sequence")
        List<FeedEventView> events,
        @Schema(description = "The last sequence in this page, or the after asked for when it is empty: the after of the next read")
        long next) {
}
