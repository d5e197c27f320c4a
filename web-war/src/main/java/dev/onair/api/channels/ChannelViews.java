package dev.onair.api.channels;

import dev.onair.channels.entity.Channel;
import dev.onair.channels.entity.ChannelState;
import dev.onair.delivery.boundary.Segments;
import dev.onair.delivery.control.Playback;
import dev.onair.shared.Page;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Channel views with their delivery URLs, as the caller may see them (signed ones only for a signed-in caller). */
@ApplicationScoped
public class ChannelViews {

    @EJB
    Segments segments;

    @Inject
    Playback playback;

    public ChannelView of(Channel channel, SecurityContext security) {
        return page(List.of(channel), security).get(0);
    }

    public ChannelPageView page(Page<Channel> page, SecurityContext security) {
        return new ChannelPageView(page(page.items(), security), page.page(), page.size(), page.total());
    }

    private List<ChannelView> page(List<Channel> channels, SecurityContext security) {
        boolean signedIn = signedIn(security);
        List<String> ids = channels.stream().map(Channel::id).toList();
        List<String> ended = channels.stream().filter(c -> c.state() == ChannelState.ENDED).map(Channel::id).toList();
        Map<String, ?> replays = segments.replaysOf(ended);
        Set<String> thumbnails = segments.withThumbnails(ids);
        return channels.stream()
                .map(c -> ChannelView.of(c, playback.of(c, replays.containsKey(c.id()), thumbnails.contains(c.id()), signedIn)))
                .toList();
    }

    static boolean signedIn(SecurityContext security) {
        return security != null && security.getUserPrincipal() instanceof JsonWebToken token && token.getSubject() != null;
    }
}
