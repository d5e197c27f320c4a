package dev.onair.ingest.entity;

import dev.onair.channels.entity.Channel;
import dev.onair.channels.entity.ChannelState;

import java.util.Optional;

/**
 * A channel's stream health as its broadcaster or an admin sees it: the latest measurement of the
 * live stream, and the verdict: {@link Verdict#HEALTHY} or {@link Verdict#STARVING} as measured,
 * {@link Verdict#MEASURING} while a channel that went LIVE has not been measured yet,
 * {@link Verdict#OFFLINE} while nothing publishes.
 */
public record HealthReport(Channel channel, Verdict verdict, Optional<StreamHealth> measured) {

    public enum Verdict { HEALTHY, STARVING, MEASURING, OFFLINE }

    public static HealthReport of(Channel channel, Optional<StreamHealth> measured) {
        Verdict verdict = measured.map(h -> h.verdict() == StreamHealth.Verdict.HEALTHY ? Verdict.HEALTHY : Verdict.STARVING)
                .orElse(channel.state() == ChannelState.LIVE ? Verdict.MEASURING : Verdict.OFFLINE);
        return new HealthReport(channel, verdict, measured);
    }
}
