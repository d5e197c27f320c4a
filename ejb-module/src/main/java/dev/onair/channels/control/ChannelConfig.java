package dev.onair.channels.control;

import dev.onair.shared.Settings;
import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * Channels' settings ({@code onair.channels.*}): how long a dropped encoder may take to come back
 * to the same broadcast, and how long a broadcast may last. Until 2026-12 they were
 * {@code onair.ingest.reconnect-window} and {@code onair.ingest.max-broadcast}; the defaults in
 * {@code META-INF/microprofile-config.properties} take the old keys' values when those are set.
 */
@Settings.Prefix("onair.channels")
@Dependent
public class ChannelConfig extends Settings.Bound {

    @ConfigProperty(name = "reconnect-window")
    Duration reconnectWindow;

    @ConfigProperty(name = "max-broadcast")
    Duration maxBroadcast;

    @Override
    public void check() {
        Settings.positive("onair.channels.reconnect-window", reconnectWindow);
        Settings.positive("onair.channels.max-broadcast", maxBroadcast);
    }

    public Duration reconnectWindow() {
        return reconnectWindow;
    }

    public Duration maxBroadcast() {
        return maxBroadcast;
    }
}
