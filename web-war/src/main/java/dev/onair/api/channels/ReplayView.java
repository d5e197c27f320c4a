package dev.onair.api.channels;

import dev.onair.delivery.boundary.Replays;
import dev.onair.delivery.entity.Replay;
import dev.onair.shared.Durations;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A channel's replay: every segment of every publish, as one VOD playlist on the CDN. */
@Schema(name = "Replay", example = "{\"channelId\": \"6f1c1f8e-2a47-4c1e-9d4e-0c6c2b6f9a11\", \"url\": \"https://d111111abcdef"
        + "8.cloudfront.net/channels/6f1c1f8e-2a47-4c1e-9d4e-0c6c2b6f9a11/replay.m3u8\", \"durationSe"
        + "conds\": 1812.4, \"segmentCount\": 906, \"sessionCount\": 2, \"writtenAt\": \"2026-12-03T1"
        + "0:40:00Z\", \"thumbnails\": [{\"takenAt\": \"2026-12-03T10:05:00Z\", \"url\": \"https://d1"
        + "11111abcdef8.cloudfront.net/channels/6f1c1f8e-2a47-4c1e-9d4e-0c6c2b6f9a11/thumbnails/17647"
        + "56300000.jpg\"}]}")
public record ReplayView(
        String channelId,
        @Schema(description = "The VOD playlist (#EXT-X-PLAYLIST-TYPE:VOD, #EXT-X-ENDLIST); signed for a private channel") String url,
        @Schema(description = "Total playing time in seconds, the sum of the segments' durations") double durationSeconds,
        int segmentCount,
        @Schema(description = "How many publishes the replay joins (reconnects make more than one; a discontinuity separates them)") int sessionCount,
        Instant writtenAt,
        @Schema(description = "Thumbnails taken while live, oldest first") List<ThumbnailView> thumbnails,
        @Schema(description = "For a private channel: the signature the URLs carry") SignatureView playbackSignature) {

    @Schema(name = "Thumbnail", example = "{\"takenAt\": \"2026-12-03T10:05:00Z\", \"url\": \"https://d111111abcdef8.cloudfront.net/c"
            + "hannels/6f1c1f8e-2a47-4c1e-9d4e-0c6c2b6f9a11/thumbnails/1764756300000.jpg\"}")
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
