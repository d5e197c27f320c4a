package dev.onair.api.channels;

import dev.onair.delivery.boundary.Replays;
import dev.onair.delivery.entity.Replay;
import dev.onair.shared.Durations;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A channel's replay: every segment of every publish, as one VOD playlist on the CDN. */
@Schema(name = "Replay")
public record ReplayView(
        String channelId,
        @Schema(description = "The VOD playlist (#EXT-X-PLAYLIST-TYPE:VOD, #EXT-X-ENDLIST); signed for a private channel") String url,
        @Schema(description = "Total playing time in seconds, the sum of the segments' durations") double durationSeconds,
        int segmentCount,
        @Schema(description = "How many publishes the replay joins (reconnects make more than one; a discontinuity separates them)") int sessionCount,
        Instant writtenAt,
        @Schema(description = "Thumbnails taken while live, oldest first") List<ThumbnailView> thumbnails,
        @Schema(description = "For a private channel: the signature the URLs carry") SignatureView playbackSignature) {

    @Schema(name = "Thumbnail")
    public record ThumbnailView(Instant takenAt, String url) {
    }

    static ReplayView of(Replays.Playable playable) {
        Replay replay = playable.replay();
        return new ReplayView(playable.channelId(), playable.url(), Durations.seconds(replay.duration()), replay.segmentCount(),
                replay.publishCount(), replay.writtenAt(),
                playable.thumbnails().stream().map(t -> new ThumbnailView(t.takenAt(), t.url())).toList(),
                SignatureView.of(playable.signature()));
    }
}
