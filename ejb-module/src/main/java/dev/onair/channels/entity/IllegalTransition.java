package dev.onair.channels.entity;

import dev.onair.shared.DomainException;

import java.util.Map;

/** A state change the channel's lifecycle does not allow; nothing was changed. */
public class IllegalTransition extends DomainException {

    private final String channelId;
    private final ChannelState from;
    private final ChannelState to;

    public IllegalTransition(String channelId, ChannelState from, ChannelState to) {
        super(Kind.CONFLICT, "illegal-transition", "The channel cannot make this change",
                "channel " + channelId + " is " + from + " and cannot become " + to);
        this.channelId = channelId;
        this.from = from;
        this.to = to;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("channelId", channelId, "state", from.name(), "requestedState", to.name());
    }
}
