package dev.onair.api.channels;

import dev.onair.channels.boundary.ChannelAccess;
import dev.onair.channels.entity.Access;
import dev.onair.channels.entity.Channel;
import dev.onair.channels.entity.Viewer;
import dev.onair.channels.entity.VisibleChannel;
import dev.onair.delivery.boundary.Playbacks;
import dev.onair.delivery.entity.PlaybackUrls;
import dev.onair.shared.Page;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/**
 * Channel views with their delivery URLs, as the viewer may see them: a private channel's URLs
 * are signed for this viewer, and only for a viewer the channels component found entitled to it.
 */
@ApplicationScoped
public class ChannelViews {

    @EJB
    Playbacks playbacks;

    @EJB
    ChannelAccess access;

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
        Map<String, PlaybackUrls> urls = playbacks.urlsOf(channels, accesses);
        return channels.stream().map(c -> ChannelView.of(c, urls.get(c.id()))).toList();
    }
}
