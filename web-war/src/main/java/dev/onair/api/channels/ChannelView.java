package dev.onair.api.channels;

import dev.onair.channels.entity.Channel;
import dev.onair.channels.entity.ChannelState;
import dev.onair.channels.entity.Visibility;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A channel as anyone may see it: no stream key, no ingest detail. */
@Schema(name = "Channel")
public record ChannelView(
        @Schema(description = "Channel id (UUID)") String id,
        @Schema(description = "1 to 100 characters") String title,
        @Schema(description = "Up to 2000 characters") String description,
        Visibility visibility,
        ChannelState state,
        @Schema(description = "True while on air: LIVE, or RECONNECTING within the reconnect window") boolean live,
        BroadcasterView broadcaster,
        Instant createdAt,
        @Schema(description = "When it first went LIVE") Instant startedAt,
        Instant endedAt,
        @Schema(description = "Why it ended: ended-by-broadcaster, ended-by-admin, reconnect-timeout or max-length")
        String endReason) {

    public static ChannelView of(Channel channel) {
        return new ChannelView(channel.id(), channel.title(), channel.description(), channel.visibility(),
                channel.state(), channel.state().onAir(), BroadcasterView.of(channel.owner()),
                channel.createdAt(), channel.startedAt(), channel.endedAt(), channel.endReason());
    }
}
