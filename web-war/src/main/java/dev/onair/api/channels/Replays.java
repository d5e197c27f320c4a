package dev.onair.api.channels;

import dev.onair.channels.boundary.ChannelAccess;
import dev.onair.channels.entity.Channel;
import dev.onair.channels.entity.ChannelState;
import dev.onair.channels.entity.Viewer;
import dev.onair.channels.entity.VisibleChannel;
import dev.onair.delivery.boundary.Segments;
import dev.onair.delivery.control.DeliverySettings;
import dev.onair.delivery.control.Playback;
import dev.onair.delivery.entity.Replay;
import dev.onair.shared.DomainException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** A channel's replay as the viewer may see it (a private channel's: see {@link ChannelAccess}). */
@ApplicationScoped
public class Replays {

    @EJB
    Segments segments;

    @EJB
    ChannelAccess access;

    @Inject
    Playback playback;

    @Inject
    DeliverySettings settings;

    public ReplayView of(String channelId, Viewer viewer) {
        VisibleChannel visible = access.visible(channelId, viewer);
        Channel channel = visible.channel();
        Replay replay = segments.replayOf(channel.id()).orElseThrow(() -> new Refused(DomainException.Kind.NOT_FOUND,
                "no-replay", "No replay", channel.state() != ChannelState.ENDED ? "the channel has not ended"
                : channel.startedAt() == null ? "the channel ended without going live" : "the replay is being written; try again in a few seconds"));
        String base = settings.cdnBaseUrl().orElseThrow(() -> new Refused(DomainException.Kind.UNAVAILABLE,
                "cdn-not-configured", "No CDN", "onair.cdn.base-url is not set: OnAir has no address to play from"));
        Playback.Urls urls = playback.of(channel, true, false, visible.access().viewerKey());
        String query = urls.signature() == null ? "" : "?" + urls.signature().query();
        List<ReplayView.ThumbnailView> thumbnails = segments.thumbnailsOf(channel.id()).stream()
                .map(t -> new ReplayView.ThumbnailView(t.takenAt(), base + t.objectKey() + query)).toList();
        return new ReplayView(channel.id(), urls.replayUrl(), replay.duration().toMillis() / 1000.0, replay.segmentCount(),
                replay.sessionCount(), replay.writtenAt(), thumbnails, SignatureView.of(urls.signature()));
    }

    /** A refusal of this endpoint, with its stable type. */
    static final class Refused extends DomainException {
        Refused(Kind kind, String type, String title, String detail) {
            super(kind, type, title, detail);
        }
    }
}
