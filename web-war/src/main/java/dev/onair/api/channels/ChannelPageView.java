package dev.onair.api.channels;

import dev.onair.channels.entity.Channel;
import dev.onair.shared.Page;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of channels. */
@Schema(name = "ChannelPage")
public record ChannelPageView(List<ChannelView> items, int page, int size, long total) {

    public static ChannelPageView of(Page<Channel> page) {
        return new ChannelPageView(page.items().stream().map(ChannelView::of).toList(),
                page.page(), page.size(), page.total());
    }
}
