package dev.onair.delivery.boundary;

import dev.onair.channels.boundary.ChannelAccess;
import dev.onair.channels.entity.Channel;
import dev.onair.channels.entity.ChannelState;
import dev.onair.channels.entity.Viewer;
import dev.onair.channels.entity.VisibleChannel;
import dev.onair.delivery.control.DeliverySettings;
import dev.onair.delivery.control.Playback;
import dev.onair.delivery.entity.PlaybackSignature;
import dev.onair.delivery.entity.PlaybackUrls;
import dev.onair.delivery.entity.Replay;
import dev.onair.delivery.entity.Thumbnail;
import dev.onair.shared.DomainException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What every broadcast leaves, its replay and its thumbnails, and who may play them: whoever may
 * see the channel ({@link ChannelAccess}), with a private channel's URLs signed for that viewer.
 */
@Stateless
public class Replays {

    /** A replay as one viewer may play it; {@code signature} is set for a private channel. */
    public record Playable(String channelId, String url, Replay replay, List<Still> thumbnails, PlaybackSignature signature) {
    }

    /** A thumbnail taken while live, at its URL for this viewer. */
    public record Still(Instant takenAt, String url) {
    }

    @PersistenceContext(unitName = "onair")
    EntityManager em;

    @EJB
    ChannelAccess access;

    @Inject
    Playback playback;

    @Inject
    DeliverySettings settings;

    /**
     * The channel's replay for {@code viewer}: not-found when the viewer may not see the channel,
     * no-replay (saying why) when there is none yet, cdn-not-configured when there is no address to play from.
     */
    public Playable playable(String channelId, Viewer viewer) {
        VisibleChannel visible = access.visible(channelId, viewer);
        Channel channel = visible.channel();
        Replay replay = replayOf(channel).orElseThrow(() -> new Refused(DomainException.Kind.NOT_FOUND, "no-replay", "No replay",
                channel.state() != ChannelState.ENDED ? "the channel has not ended"
                : channel.startedAt() == null ? "the channel ended without going live"
                : "the replay is being written; try again in a few seconds"));
        String base = settings.cdnBaseUrl().orElseThrow(() -> new Refused(DomainException.Kind.UNAVAILABLE,
                "cdn-not-configured", "No CDN", "onair.cdn.base-url is not set: OnAir has no address to play from"));
        PlaybackUrls urls = playback.of(channel, true, false, visible.access().viewerKey());
        String query = urls.signature() == null ? "" : "?" + urls.signature().query();
        List<Still> stills = thumbnailsOf(channel.id()).stream().map(t -> new Still(t.takenAt(), base + t.objectKey() + query)).toList();
        return new Playable(channel.id(), urls.replayUrl(), replay, stills, urls.signature());
    }

    /** The replays written among these channels, by channel id. */
    public Map<String, Replay> replaysOf(Collection<String> channelIds) {
        Map<String, Replay> replays = new HashMap<>();
        if (!channelIds.isEmpty()) {
            em.createNamedQuery(Replay.OF_CHANNELS, Replay.class).setParameter("channels", channelIds)
                    .getResultStream().forEach(r -> replays.put(r.channelId(), r));
        }
        return replays;
    }

    /** The channels among {@code channelIds} that have a thumbnail. */
    public Set<String> withThumbnails(Collection<String> channelIds) {
        return channelIds.isEmpty() ? Set.of() : Set.copyOf(em.createNamedQuery(Thumbnail.CHANNELS_WITH, String.class)
                .setParameter("channels", channelIds).getResultList());
    }

    private Optional<Replay> replayOf(Channel channel) {
        return Optional.ofNullable(em.find(Replay.class, channel.id()));
    }

    private List<Thumbnail> thumbnailsOf(String channelId) {
        return em.createNamedQuery(Thumbnail.OF_CHANNEL, Thumbnail.class).setParameter("channel", channelId).getResultList();
    }

    /** A refusal of a replay, with its stable type. */
    static final class Refused extends DomainException {
        Refused(Kind kind, String type, String title, String detail) {
            super(kind, type, title, detail);
        }
    }
}
