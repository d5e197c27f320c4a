package dev.onair.api.channels;

import dev.onair.channels.boundary.ChannelAccess;
import dev.onair.channels.entity.Access;
import dev.onair.channels.entity.Channel;
import dev.onair.channels.entity.ChannelState;
import dev.onair.channels.entity.Viewer;
import dev.onair.channels.entity.VisibleChannel;
import dev.onair.delivery.boundary.Segments;
import dev.onair.delivery.control.Playback;
import dev.onair.shared.Page;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Channel views with their delivery URLs, as the viewer may see them: a private channel's URLs
 * are signed for this viewer, and only for a viewer the channels component found entitled to it.
 */
@ApplicationScoped
public class ChannelViews {

    @EJB
    Segments segments;

    @EJB
    ChannelAccess access;

    @Inject
    Playback playback;

    public ChannelView of(Channel channel, Viewer viewer) {
        return views(List.of(channel), access.accessTo(List.of(channel), viewer)).get(0);
    }

    /** A channel whose access was decided already. */
    public ChannelView of(VisibleChannel visible) {
        return views(List.of(visible.channel()), Map.of(visible.channel().id(), visible.access())).get(0);
    }

    public ChannelPageView page(Page<Channel> page, Viewer viewer) {
        return new ChannelPageView(views(page.items(), access.accessTo(page.items(), viewer)), page.page(), page.size(), page.total());
    }

    private List<ChannelView> views(List<Channel> channels, Map<String, Access> accesses) {
        List<String> ids = channels.stream().map(Channel::id).toList();
        List<String> ended = channels.stream().filter(c -> c.state() == ChannelState.ENDED).map(Channel::id).toList();
        Map<String, ?> replays = segments.replaysOf(ended);
        Set<String> thumbnails = segments.withThumbnails(ids);
        return channels.stream()
                .map(c -> ChannelView.of(c, playback.of(c, replays.containsKey(c.id()), thumbnails.contains(c.id()),
                        accesses.get(c.id()).viewerKey())))
                .toList();
    }
}
