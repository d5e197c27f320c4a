package dev.onair.api.channels;

import dev.onair.channels.entity.Channel;
import dev.onair.channels.entity.ChannelState;
import dev.onair.channels.entity.Visibility;
import dev.onair.delivery.entity.PlaybackUrls;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A channel as anyone may see it: no stream key, no ingest detail. */
@Schema(name = "Channel", example = "{\"id\": \"6f1c1f8e-2a47-4c1e-9d4e-0c6c2b6f9a11\", \"title\": \"Evening stream\", \"descri"
        + "ption\": \"Playing until late\", \"visibility\": \"PUBLIC\", \"state\": \"LIVE\", \"broadc"
        + "aster\": {\"id\": \"0b7e7f43-5a43-4f0e-8f4e-2b8f1c1d9a10\", \"displayName\": \"김방송\"}, \"c"
        + "reatedAt\": \"2026-12-03T10:00:00Z\", \"startedAt\": \"2026-12-03T10:02:00Z\", \"playbackU"
        + "rl\": \"https://d111111abcdef8.cloudfront.net/channels/6f1c1f8e-2a47-4c1e-9d4e-0c6c2b6f9a1"
        + "1/live.m3u8\", \"thumbnailUrl\": \"https://d111111abcdef8.cloudfront.net/channels/6f1c1f8e"
        + "-2a47-4c1e-9d4e-0c6c2b6f9a11/thumbnails/latest.jpg\"}")
public record ChannelView(
        @Schema(description = "Channel id (UUID)") String id,
        @Schema(description = "1 to 100 characters") String title,
        @Schema(description = "Up to 2000 characters") String description,
        @Schema(type = SchemaType.STRING, enumeration = {"PUBLIC", "PRIVATE"}) Visibility visibility,
        @Schema(type = SchemaType.STRING, enumeration = {"CREATED", "LIVE", "RECONNECTING", "ENDED"}) ChannelState state,
        @Schema(description = "True while on air: LIVE, or RECONNECTING within the reconnect window") boolean live,
        BroadcasterView broadcaster,
        Instant createdAt,
        @Schema(description = "When it first went LIVE") Instant startedAt,
        Instant endedAt,
        @Schema(description = "Why it ended: ended-by-broadcaster, ended-by-admin, reconnect-timeout, max-length or account-disabled")
        String endReason,
        @Schema(description = "The live HLS playlist on the CDN, while LIVE or RECONNECTING; for a private channel "
                + "signed for this viewer") String playbackUrl,
        @Schema(description = "The replay's HLS playlist (VOD) once the channel ended and its replay is written; "
                + "for a private channel signed for this viewer") String replayUrl,
        @Schema(description = "The latest JPEG of the live edge") String thumbnailUrl,
        @Schema(description = "For a private channel: the signature the URLs carry") SignatureView playbackSignature) {

    /** The channel without delivery URLs (the studio's answer to the broadcaster, before going live). */
    public static ChannelView of(Channel channel) {
        return of(channel, PlaybackUrls.NONE);
    }

    public static ChannelView of(Channel channel, PlaybackUrls urls) {
        return new ChannelView(channel.id(), channel.title(), channel.description(), channel.visibility(),
                channel.state(), channel.state().onAir(), BroadcasterView.of(channel.owner()),
                channel.createdAt(), channel.startedAt(), channel.endedAt(), channel.endReason(),
                urls.playbackUrl(), urls.replayUrl(), urls.thumbnailUrl(), SignatureView.of(urls.signature()));
    }
}
