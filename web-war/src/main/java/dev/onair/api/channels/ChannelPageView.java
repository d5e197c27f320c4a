package dev.onair.api.channels;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of channels, made by {@link ChannelViews}. */
@Schema(name = "ChannelPage", example = "{\"items\": [], \"page\": 0, \"size\": 20, \"total\": 0}")
public record ChannelPageView(List<ChannelView> items, int page, int size, long total) {
}
