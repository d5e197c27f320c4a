package dev.onair.feed.control;

import dev.onair.channels.entity.ChannelOpened;
import dev.onair.channels.entity.ChannelUpdated;
import dev.onair.channels.entity.StreamEnded;
import dev.onair.channels.entity.StreamEvent;
import dev.onair.channels.entity.StreamInterrupted;
import dev.onair.channels.entity.StreamResumed;
import dev.onair.channels.entity.StreamStarted;
import dev.onair.delivery.entity.ReplayReady;
import dev.onair.delivery.entity.ThumbnailTaken;
import dev.onair.feed.entity.FeedEvent;
import dev.onair.feed.entity.FeedTypes;
import dev.onair.ingest.entity.PublishDenied;
import dev.onair.ingest.entity.StreamHealthChanged;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the feed says of each change: its type and payload. Payloads hold ids, titles, reasons and
 * states, never a secret (no stream key, no share token, no folder, no address). A channel's end
 * is {@code channel.ended}, preceded by {@code stream.ended} when it had gone live. A refused
 * publish names the channel only when the broadcaster had one open; the replay's and thumbnail's
 * URLs are not in the feed (a private channel's need a signature): the channel's replay and
 * thumbnails are read from the API.
 */
public final class FeedEvents {

    private static final JsonProvider JSON = JsonProvider.provider();

    private FeedEvents() {
    }

    public static FeedEvent of(ChannelOpened opened) {
        return new FeedEvent(FeedTypes.CHANNEL_CREATED, opened.channelId(), opened.ownerId(), opened.at(),
                JSON.createObjectBuilder().add("channelId", opened.channelId()).add("title", opened.title())
                        .add("visibility", opened.visibility().name()).build().toString());
    }

    public static FeedEvent of(ChannelUpdated updated) {
        JsonArrayBuilder fields = JSON.createArrayBuilder();
        updated.fields().forEach(fields::add);
        return new FeedEvent(FeedTypes.CHANNEL_UPDATED, updated.channelId(), updated.ownerId(), updated.at(),
                JSON.createObjectBuilder().add("channelId", updated.channelId()).add("fields", fields).build().toString());
    }

    public static List<FeedEvent> of(StreamEvent event) {
        JsonObjectBuilder payload = JSON.createObjectBuilder().add("channelId", event.channelId());
        if (event.publishId() != null) {
            payload.add("publishId", event.publishId());
        }
        if (event.reasonCode() != null) {
            payload.add("reason", event.reasonCode());
        }
        if (event instanceof StreamStarted started) {
            payload.add("visibility", started.visibility().name());
        }
        String type = event instanceof StreamStarted ? FeedTypes.STREAM_STARTED
                : event instanceof StreamInterrupted ? FeedTypes.STREAM_INTERRUPTED
                : event instanceof StreamResumed ? FeedTypes.STREAM_RESUMED
                : FeedTypes.STREAM_ENDED;
        String body = payload.build().toString();
        List<FeedEvent> events = new ArrayList<>();
        if (!(event instanceof StreamEnded) || event.publishId() != null) {
            events.add(new FeedEvent(type, event.channelId(), event.ownerId(), event.at(), body));
        }
        if (event instanceof StreamEnded) {
            events.add(new FeedEvent(FeedTypes.CHANNEL_ENDED, event.channelId(), event.ownerId(), event.at(), body));
        }
        return events;
    }

    public static FeedEvent of(StreamHealthChanged changed) {
        return new FeedEvent(FeedTypes.STREAM_HEALTH_CHANGED, changed.channelId(), changed.ownerId(), changed.at(),
                JSON.createObjectBuilder().add("channelId", changed.channelId()).add("publishId", changed.publishId())
                        .add("health", changed.verdict().name()).add("bitrate", changed.bitrate()).build().toString());
    }

    public static FeedEvent of(PublishDenied denied) {
        JsonObjectBuilder payload = JSON.createObjectBuilder();
        if (denied.channelId() != null) {
            payload.add("channelId", denied.channelId());
        }
        return new FeedEvent(FeedTypes.PUBLISH_REFUSED, denied.channelId(), denied.accountId(), denied.at(),
                payload.add("reason", denied.reason()).build().toString());
    }

    public static FeedEvent of(ReplayReady ready) {
        return new FeedEvent(FeedTypes.REPLAY_READY, ready.channelId(), ready.ownerId(), ready.at(),
                JSON.createObjectBuilder().add("channelId", ready.channelId()).add("durationMillis", ready.durationMillis())
                        .add("segments", ready.segments()).add("publishes", ready.publishes()).build().toString());
    }

    public static FeedEvent of(ThumbnailTaken taken) {
        return new FeedEvent(FeedTypes.THUMBNAIL_UPDATED, taken.channelId(), taken.ownerId(), taken.takenAt(),
                JSON.createObjectBuilder().add("channelId", taken.channelId()).build().toString());
    }

    public static FeedEvent webhookDisabled(String subscriptionId, String ownerId, String reason, Instant at) {
        return new FeedEvent(FeedTypes.WEBHOOK_DISABLED, null, ownerId, at,
                JSON.createObjectBuilder().add("subscriptionId", subscriptionId).add("reason", reason).build().toString());
    }
}
