package dev.onair.feed.entity;

import java.util.List;

/** The types of the feed's events, as integrators filter on them ({@code types=}). */
public final class FeedTypes {

    public static final String CHANNEL_CREATED = "channel.created";
    public static final String CHANNEL_UPDATED = "channel.updated";
    public static final String CHANNEL_ENDED = "channel.ended";
    public static final String STREAM_STARTED = "stream.started";
    public static final String STREAM_INTERRUPTED = "stream.interrupted";
    public static final String STREAM_RESUMED = "stream.resumed";
    public static final String STREAM_ENDED = "stream.ended";
    public static final String STREAM_HEALTH_CHANGED = "stream.health-changed";
    public static final String PUBLISH_REFUSED = "publish.refused";
    public static final String REPLAY_READY = "replay.ready";
    public static final String THUMBNAIL_UPDATED = "thumbnail.updated";
    public static final String WEBHOOK_DISABLED = "webhook.disabled";

    public static final List<String> ALL = List.of(CHANNEL_CREATED, CHANNEL_UPDATED, CHANNEL_ENDED, STREAM_STARTED,
            STREAM_INTERRUPTED, STREAM_RESUMED, STREAM_ENDED, STREAM_HEALTH_CHANGED, PUBLISH_REFUSED, REPLAY_READY, THUMBNAIL_UPDATED,
            WEBHOOK_DISABLED);

    private FeedTypes() {
    }
}
