package dev.onair.delivery.control;

import dev.onair.shared.ConfigFixture;
import dev.onair.shared.NodeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EdgeSettingsTest {

    @TempDir
    Path data;

    private EdgeSettings settings(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(Map.of(
                "onair.data.dir", data.toString(),
                "onair.storage.endpoint", "http://127.0.0.1:9000",
                "onair.edge.port", "9088"));
        values.putAll(extra);
        EdgeSettings settings = new EdgeSettings();
        settings.values = ConfigFixture.bind(DeliveryConfig.class, values);
        settings.node = ConfigFixture.bind(NodeConfig.class, values);
        settings.delivery = TestSettings.delivery(values);
        return settings;
    }

    @Test
    void theEdgeAsksOnAirOnTheInternalListenerWhereverThatListens() {
        assertEquals(URI.create("http://127.0.0.1:9081/api/edge/authorize"), settings(Map.of()).config().orElseThrow().authorize());
        assertEquals(URI.create("http://10.0.0.5:9555/api/edge/authorize"), settings(Map.of(
                "onair.internal.host", "10.0.0.5", "onair.internal.port", "9555")).config().orElseThrow().authorize());
        assertEquals(URI.create("http://127.0.0.1:9081/api/edge/authorize"),
                settings(Map.of("onair.internal.host", "*")).config().orElseThrow().authorize(), "every address: loopback reaches it");
        assertEquals(URI.create("http://[::1]:9081/api/edge/authorize"),
                settings(Map.of("onair.internal.host", "::1")).config().orElseThrow().authorize());
    }

    @Test
    void noPortNoEdgeAndABadNumberIsNamed() {
        assertTrue(settings(Map.of("onair.edge.port", "")).config().isEmpty(), "production: CloudFront is the edge");
        assertTrue(settings(Map.of("onair.edge.port", "0")).config().isEmpty(), "0 is off, as every port that can be off");
        IllegalStateException bad = assertThrows(IllegalStateException.class,
                () -> settings(Map.of("onair.edge.connections", "0")).values.check());
        assertTrue(bad.getMessage().contains("onair.edge.connections"), bad.getMessage());
        IllegalStateException noStore = assertThrows(IllegalStateException.class,
                () -> settings(Map.of("onair.storage.endpoint", "")).values.check());
        assertTrue(noStore.getMessage().contains("onair.storage.endpoint"), noStore.getMessage());
    }
}
