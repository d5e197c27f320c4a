package dev.onair.channels.entity;

import java.util.EnumSet;
import java.util.Set;

/**
 * The states of a broadcast and the moves between them. ENDED is final: a broadcast that
 * ended is a replay, and going live again means opening a new channel.
 */
public enum ChannelState {
    /** Opened in the studio, waiting for the encoder. */
    CREATED,
    /** An encoder is publishing. */
    LIVE,
    /** The encoder dropped; it may come back within the reconnect window. */
    RECONNECTING,
    /** Over for good. */
    ENDED;

    public Set<ChannelState> next() {
        return switch (this) {
            case CREATED -> EnumSet.of(LIVE, ENDED);
            case LIVE -> EnumSet.of(RECONNECTING, ENDED);
            case RECONNECTING -> EnumSet.of(LIVE, ENDED);
            case ENDED -> EnumSet.noneOf(ChannelState.class);
        };
    }

    public boolean canMoveTo(ChannelState target) {
        return next().contains(target);
    }

    /** CREATED, LIVE or RECONNECTING: the broadcast is not over, the studio returns to it. */
    public boolean unfinished() {
        return this != ENDED;
    }

    /** LIVE or RECONNECTING: viewers see the channel as on air. */
    public boolean onAir() {
        return this == LIVE || this == RECONNECTING;
    }
}
