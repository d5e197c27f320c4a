package dev.onair.delivery.control;

import dev.onair.shared.ConfigFixture;

import java.nio.file.Path;
import java.util.Map;

/** Delivery's settings for unit tests: the defaults with a test's values over them. */
public final class TestSettings {

    private TestSettings() {
    }

    public static DeliverySettings delivery(Map<String, String> values) {
        DeliverySettings settings = new DeliverySettings();
        settings.values = ConfigFixture.bind(DeliveryConfig.class, values);
        settings.data = Path.of(values.getOrDefault("onair.data.dir", "data")).toAbsolutePath().normalize();
        return settings;
    }
}
