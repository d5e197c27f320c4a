package dev.onair.delivery.control;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EdgeAuthorizationTest {

    static final String CDN = "http://127.0.0.1:9088/";
    static final String A = "11111111-1111-4111-8111-111111111111";
    static final String B = "22222222-2222-4222-8222-222222222222";
    static final String PUBLISH = "33333333-3333-4333-8333-333333333333";

    @TempDir
    Path data;

    EdgeAuthorization edge;
    String signatureOfA;

    @BeforeEach
    void setUp() {
        Playback playback = new Playback();
        playback.settings = TestSettings.delivery(Map.of("onair.cdn.base-url", CDN, "onair.data.dir", data.toString()));
        edge = new EdgeAuthorization();
        edge.playback = playback;
        edge.settings = playback.settings;
        signatureOfA = playback.sign(CDN + "private/channels/" + A + "/*", "viewer").query();
    }

    @Test
    void theChannelsOwnObjectsAreServedWithItsSignature() {
        for (String object : new String[] {"live.m3u8", "replay.m3u8", PUBLISH + "/17.ts", "thumbnails/latest.jpg",
                "thumbnails/1796216548.jpg"}) {
            assertEquals(Optional.empty(), edge.refusal("/private/channels/" + A + "/" + object + "?" + signatureOfA, Map.of()), object);
        }
    }

    @Test
    void theSignatureWorksAsCloudFrontsCookiesToo() {
        Map<String, String> cookies = new java.util.HashMap<>();
        for (String pair : signatureOfA.split("&")) {
            String[] kv = pair.split("=", 2);
            cookies.put("CloudFront-" + kv[0], kv[1]);
        }
        assertEquals(Optional.empty(), edge.refusal("/private/channels/" + A + "/live.m3u8", cookies));
        assertEquals(Optional.of("the policy does not cover this URL"), edge.refusal("/private/channels/" + B + "/live.m3u8", cookies));
    }

    @Test
    void anotherChannelsObjectsAreRefused() {
        assertEquals(Optional.of("the policy does not cover this URL"),
                edge.refusal("/private/channels/" + B + "/live.m3u8?" + signatureOfA, Map.of()));
        assertEquals(Optional.of("no signature"), edge.refusal("/private/channels/" + A + "/live.m3u8", Map.of()));
    }

    /** Every spelling of another channel's object that a server could normalize to it; with A's signature. */
    @ParameterizedTest
    @ValueSource(strings = {
            "/private/channels/A/../B/live.m3u8",
            "/private/channels/A/%2e%2e/B/live.m3u8",
            "/private/channels/A/%2E%2E/B/live.m3u8",
            "/private/channels/A/.%2e/B/live.m3u8",
            "/private/channels/A/..%2fB/live.m3u8",
            "/private/channels/A/..%2FB/live.m3u8",
            "/private/channels/A/%2e%2e%2fB%2flive.m3u8",
            "/private/channels/A/..\\B/live.m3u8",
            "/private/channels/A/..%5cB/live.m3u8",
            "/private/channels/A/..%5CB/live.m3u8",
            "/private/channels/A//../B/live.m3u8",
            "/private/channels/A/./../B/live.m3u8",
            "/private/channels/A/%252e%252e/B/live.m3u8",
            "/private/channels/A/..;/B/live.m3u8",
            "/private/channels//A/../B/live.m3u8",
            "//private/channels/A/../B/live.m3u8",
            "/private/channels/A/%00/../B/live.m3u8",
            "/private/channels/A/.../B/live.m3u8",
            "/private/channels/A/thumbnails/..%2f..%2fB%2fthumbnails%2flatest.jpg",
            "/private/channels/A/x/../../B/" + PUBLISH + "/1.ts",
            "/private/channels/A/live.m3u8/../../B/live.m3u8",
            "/private/channels/A/%2fprivate%2fchannels%2fB/live.m3u8",
            "/private/channels/A\\..\\B\\live.m3u8",
            "/private/channels/A/ /../B/live.m3u8",
            "/private/channels/A/.hidden"})
    void noSpellingOfAPathChecksAsOneObjectAndServesAnother(String form) {
        String uri = form.replace("/A", "/" + A).replace("/B", "/" + B).replace("A\\", A + "\\").replace("\\B", "\\" + B);
        Optional<String> refusal = edge.refusal(uri + "?" + signatureOfA, Map.of());
        assertTrue(refusal.isPresent(), uri);
        assertFalse(EdgeAuthorization.isCanonical(uri), uri);
    }

    @Test
    void noCdnNoService() {
        EdgeAuthorization none = new EdgeAuthorization();
        none.settings = TestSettings.delivery(Map.of());
        assertEquals(Optional.of("no CDN is configured"), none.refusal("/private/channels/" + A + "/live.m3u8", Map.of()));
    }
}
