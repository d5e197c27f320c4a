package dev.onair.channels.entity;

import java.time.Instant;
import java.util.List;

/**
 * The broadcaster changed a channel's {@code fields} (title, description, visibility), fired in
 * the transaction of the change; observers that act outside declare {@code AFTER_SUCCESS}.
 */
public record ChannelUpdated(String channelId, String ownerId, List<String> fields, Instant at) {

    public ChannelUpdated {
        fields = List.copyOf(fields);
    }
}
