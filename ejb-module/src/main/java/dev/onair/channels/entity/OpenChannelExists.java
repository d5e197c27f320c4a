package dev.onair.channels.entity;

import dev.onair.shared.DomainException;

import java.util.Map;

/** The broadcaster already has an unfinished channel; it is named so the studio can return to it. */
public class OpenChannelExists extends DomainException {

    private final String channelId;

    public OpenChannelExists(String channelId) {
        super(Kind.CONFLICT, "open-channel-exists", "An unfinished channel exists",
                channelId == null ? "finish the unfinished channel before opening another one"
                        : "finish channel " + channelId + " before opening another one");
        this.channelId = channelId;
    }

    public String channelId() {
        return channelId;
    }

    @Override
    public Map<String, Object> details() {
        return channelId == null ? Map.of() : Map.of("channelId", channelId);
    }
}
