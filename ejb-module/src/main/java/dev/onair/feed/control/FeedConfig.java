package dev.onair.feed.control;

import dev.onair.shared.Settings;
import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * The feed's settings ({@code onair.feed.*}): how often the sequencer looks for events it was not
 * told of (written on another node, or before a restart); events written on this node are
 * numbered right after their transaction commits.
 */
@Settings.Prefix("onair.feed")
@Dependent
public class FeedConfig extends Settings.Bound {

    @ConfigProperty(name = "sequence-interval")
    Duration sequenceInterval;

    @Override
    public void check() {
        Settings.positive("onair.feed.sequence-interval", sequenceInterval);
    }

    public Duration sequenceInterval() {
        return sequenceInterval;
    }
}
