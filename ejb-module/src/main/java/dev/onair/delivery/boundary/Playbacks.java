package dev.onair.delivery.boundary;

import dev.onair.channels.entity.Access;
import dev.onair.channels.entity.Channel;
import dev.onair.channels.entity.ChannelState;
import dev.onair.delivery.control.Playback;
import dev.onair.delivery.entity.PlaybackUrls;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where viewers play channels: each channel's live playlist while on air, its replay once
 * written, its latest thumbnail, on the CDN; a private channel's URLs signed for the viewer the
 * channels component found entitled to it ({@link Access#viewerKey()}), and none for anyone else.
 */
@Stateless
public class Playbacks {

    @EJB
    Replays replays;

    @Inject
    Playback playback;

    /** The CDN's base URL, with a trailing slash, that playback URLs start with; empty when none is configured. */
    public Optional<String> cdnBaseUrl() {
        return playback.cdnBaseUrl();
    }

    /** The URLs of each channel, by id, for the viewer {@code accesses} were decided for. */
    public Map<String, PlaybackUrls> urlsOf(List<Channel> channels, Map<String, Access> accesses) {
        List<String> ids = channels.stream().map(Channel::id).toList();
        List<String> ended = channels.stream().filter(c -> c.state() == ChannelState.ENDED).map(Channel::id).toList();
        Set<String> written = replays.replaysOf(ended).keySet();
        Set<String> thumbnails = replays.withThumbnails(ids);
        Map<String, PlaybackUrls> urls = new HashMap<>();
        for (Channel channel : channels) {
            Access access = accesses.get(channel.id());
            urls.put(channel.id(), playback.of(channel, written.contains(channel.id()), thumbnails.contains(channel.id()),
                    access == null ? null : access.viewerKey()));
        }
        return urls;
    }
}
