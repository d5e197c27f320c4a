package dev.onair.ingest.entity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObsSettingsTest {

    @Test
    void neverPrintsTheSecret() {
        ObsSettings settings = new ObsSettings("rtmp://localhost:1935/live", "rtmps://localhost:1936/live", "abcdefgh12345678?key=TOPSECRET");
        assertFalse(settings.toString().contains("TOPSECRET"));
        assertTrue(settings.toString().contains("abcdefgh12345678"));
    }
}
