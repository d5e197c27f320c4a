package dev.onair.system;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Going live with the real nginx-rtmp that OnAir runs, and ffmpeg playing OBS with the studio's
 * two settings. Reconnect window here: 10 s; nginx's on_update every 2 s; watchdog every 1 s.
 */
class IngestIT {

    private static final Duration LIVE_WITHIN = Duration.ofSeconds(15);
    private static final Duration REFUSED_WITHIN = Duration.ofSeconds(15);

    private final Api api = new Api();
    private final OnAirServer server = OnAirServer.get();

    @Test
    void theStudiosSettingsGoLiveWithHlsOnDiskAndHealthFiguresAndEndKicksTheEncoder() throws IOException {
        Broadcast broadcast = Broadcast.open(api, "going live");
        try (Publisher obs = broadcast.publish()) {
            assertEquals("LIVE", broadcast.awaitState("LIVE", LIVE_WITHIN), obs::output);
            assertTrue(broadcast.channel().getBoolean("live"));

            Path hls = server.dataDir().resolve("hls");
            Path playlist = hls.resolve(broadcast.streamName()).resolve("index.m3u8");
            String listed = Eventually.await(() -> read(playlist), text -> text.contains(".ts"), Duration.ofSeconds(15));
            assertTrue(listed.contains("#EXTM3U") && listed.contains(".ts"), listed);
            String secret = broadcast.streamKey().substring(broadcast.streamKey().indexOf("?key=") + 5);
            try (Stream<Path> files = Files.walk(hls)) {
                assertTrue(files.noneMatch(file -> file.toString().contains(secret)), "the key's secret is in no HLS path");
            }

            JsonObject health = Eventually.await(broadcast::health,
                    h -> "HEALTHY".equals(Broadcast.text(h, "verdict")) && Broadcast.text(h, "videoCodec") != null
                            && h.containsKey("bitrate") && h.getJsonNumber("bitrate").longValue() > 0,
                    Duration.ofSeconds(20));
            assertEquals("HEALTHY", health.getString("verdict"), health::toString);
            assertEquals("H264", health.getString("videoCodec"));
            assertEquals("AAC", health.getString("audioCodec"));
            assertEquals(1280, health.getInt("width"));
            assertEquals(720, health.getInt("height"));
            assertEquals(30.0, health.getJsonNumber("frameRate").doubleValue(), 0.5);
            long sent = Publisher.VIDEO_BITRATE + Publisher.AUDIO_BITRATE;
            long measured = health.getJsonNumber("bitrate").longValue();
            assertTrue(measured > sent * 0.5 && measured < sent * 1.6, "measured " + measured + " b/s, sent about " + sent);
            assertEquals(List.of("STARTED"), broadcast.events());

            long before = System.nanoTime();
            assertEquals(200, broadcast.end().status());
            Integer exit = obs.exitWithin(Duration.ofSeconds(5));
            long millis = (System.nanoTime() - before) / 1_000_000;
            assertNotNull(exit, "ending the channel drops the encoder");
            System.out.println("[ingest] end -> encoder disconnected in " + millis + " ms");
            assertEquals("ENDED", broadcast.state());
        }
        try (Publisher reconnect = broadcast.publish()) {
            Integer exit = reconnect.exitWithin(REFUSED_WITHIN);
            assertNotNull(exit, "the encoder's reconnect is refused");
            assertNotEquals(0, exit);
        }
        List<JsonObject> events = broadcast.eventObjects();
        assertEquals(List.of("STARTED", "ENDED"), events.stream().map(e -> e.getString("type")).toList());
        assertEquals("ended-by-broadcaster", events.get(1).getString("reason"));
        assertEquals(events.get(0).getString("sessionId"), events.get(1).getString("sessionId"));
        assertEquals("ended-by-broadcaster", broadcast.channel().getString("endReason"));
    }

    @Test
    void wrongRotatedOrMissingKeysAndMalformedNamesAreRefusedAndChangeNothing() {
        Broadcast broadcast = Broadcast.open(api, "refusals");
        String name = broadcast.streamName();
        String secret = broadcast.streamKey().substring(name.length() + "?key=".length());
        Broadcast rotated = broadcast.rotateKey();
        List<String> refusedKeys = List.of(
                broadcast.streamKey(),                                  // rotated away
                name + "?key=" + secret.substring(1) + "A",             // wrong
                name,                                                   // no secret
                "zzzzzzzzzzzzzzzz?key=" + secret,                       // unknown name
                "../../../etc/passwd?key=" + secret,                    // path traversal
                name + "0?key=" + secret,                               // overlong
                name.toUpperCase() + "?key=" + secret,                  // unexpected characters
                name.substring(0, 15) + "$?key=" + secret);
        for (String key : refusedKeys) {
            try (Publisher obs = Publisher.start(broadcast.serverUrl(), key)) {
                Integer exit = obs.exitWithin(REFUSED_WITHIN);
                assertNotNull(exit, "refused: " + key.replace(secret, "***"));
                assertNotEquals(0, exit, obs::output);
            }
        }
        assertEquals("CREATED", broadcast.state());
        assertEquals(List.of(), broadcast.events());
        assertEquals("OFFLINE", broadcast.health().getString("verdict"));
        try (Publisher right = rotated.publish()) {
            assertEquals("LIVE", rotated.awaitState("LIVE", LIVE_WITHIN), right::output);
            rotated.end();
        }
    }

    @Test
    void aSecondPublisherIsRefusedAndTheFirstGoesOn() {
        Broadcast broadcast = Broadcast.open(api, "second publisher");
        try (Publisher first = broadcast.publish()) {
            assertEquals("LIVE", broadcast.awaitState("LIVE", LIVE_WITHIN), first::output);
            try (Publisher second = broadcast.publish()) {
                Integer exit = second.exitWithin(REFUSED_WITHIN);
                assertNotNull(exit, "the second publisher is refused");
                assertNotEquals(0, exit);
            }
            OnAirServer.sleep(3_000); // two on_update rounds
            assertTrue(first.alive(), first::output);
            assertEquals("LIVE", broadcast.state());
            assertEquals(List.of("STARTED"), broadcast.events());
            broadcast.end();
        }
    }

    @Test
    void withoutAnOpenChannelAPublishIsRefused() {
        Broadcaster bj = Broadcaster.fresh();
        JsonObject obs = api.get("/api/studio/stream-key", bj.token()).json();
        try (Publisher publisher = Publisher.start(obs.getString("serverUrl"), obs.getString("streamKey"))) {
            Integer exit = publisher.exitWithin(REFUSED_WITHIN);
            assertNotNull(exit);
            assertNotEquals(0, exit);
        }
        assertEquals(404, api.get("/api/studio", bj.token()).status(), "no channel was opened by the publish");
    }

    @Test
    void aDisconnectReconnectsWithinTheWindowAndEndsWhenItPasses() {
        Broadcast broadcast = Broadcast.open(api, "reconnects");
        try (Publisher first = broadcast.publish()) {
            assertEquals("LIVE", broadcast.awaitState("LIVE", LIVE_WITHIN), first::output);
            first.stop();
        }
        assertEquals("RECONNECTING", broadcast.awaitState("RECONNECTING", Duration.ofSeconds(5)));
        assertTrue(broadcast.channel().getBoolean("live"), "still on air while it may come back");
        assertEquals("OFFLINE", broadcast.health().getString("verdict"), "nothing publishes while it reconnects");
        try (Publisher again = broadcast.publish()) {
            assertEquals("LIVE", broadcast.awaitState("LIVE", LIVE_WITHIN), again::output);
            assertEquals(broadcast.channelId(), api.get("/api/studio", broadcast.broadcaster().token()).json().getString("id"),
                    "the same channel");
            again.stop();
        }
        assertEquals("RECONNECTING", broadcast.awaitState("RECONNECTING", Duration.ofSeconds(5)));
        assertEquals("ENDED", broadcast.awaitState("ENDED", Duration.ofSeconds(20)), "the 10 s window passed");

        List<JsonObject> events = broadcast.eventObjects();
        assertEquals(List.of("STARTED", "INTERRUPTED", "RESUMED", "INTERRUPTED", "ENDED"),
                events.stream().map(e -> e.getString("type")).toList());
        assertEquals("publisher-left", events.get(1).getString("reason"));
        assertEquals("reconnect-timeout", events.get(4).getString("reason"));
        assertNotEquals(events.get(0).getString("sessionId"), events.get(2).getString("sessionId"), "a new publish");
        long previous = -1;
        for (JsonObject event : events) {
            assertTrue(event.getJsonNumber("sequence").longValue() > previous, "in order");
            previous = event.getJsonNumber("sequence").longValue();
        }
    }

    @Test
    void rotatingTheKeyDropsThePublisherAndOnlyTheNewKeyComesBack() {
        Broadcast broadcast = Broadcast.open(api, "rotation");
        try (Publisher obs = broadcast.publish()) {
            assertEquals("LIVE", broadcast.awaitState("LIVE", LIVE_WITHIN), obs::output);
            Broadcast renewed = broadcast.rotateKey();
            assertNotNull(obs.exitWithin(Duration.ofSeconds(5)), "the publisher under the old key is dropped");
            assertEquals("RECONNECTING", broadcast.awaitState("RECONNECTING", Duration.ofSeconds(5)));
            try (Publisher old = broadcast.publish()) {
                Integer exit = old.exitWithin(REFUSED_WITHIN);
                assertNotNull(exit);
                assertNotEquals(0, exit);
            }
            try (Publisher fresh = renewed.publish()) {
                assertEquals("LIVE", renewed.awaitState("LIVE", LIVE_WITHIN), fresh::output);
                renewed.end();
            }
        }
        List<JsonObject> events = broadcast.eventObjects();
        assertEquals(List.of("STARTED", "INTERRUPTED", "RESUMED", "ENDED"), events.stream().map(e -> e.getString("type")).toList());
        assertEquals("key-rotated", events.get(1).getString("reason"));
    }

    @Test
    void callbacksWithoutTheSecretAreRefused() throws IOException {
        String form = "app=live&name=abcdefgh12345678&key=x&clientid=1&addr=127.0.0.1&call=publish";
        for (String call : List.of("publish", "update", "publish-done")) {
            for (String query : List.of("", "?secret=", "?secret=wrong-secret-0123456789")) {
                Api.Reply reply = callback(call + query, form);
                assertEquals(403, reply.status(), call + query);
                assertEquals("urn:onair:problem:callback-forbidden", reply.json().getString("type"));
            }
        }
        String secret = Files.readString(server.dataDir().resolve("secrets/ingest-callback-secret")).trim();
        Api.Reply malformed = callback("publish?secret=" + secret, "app=live&name=..%2F..%2Fetc&key=x&clientid=1");
        assertEquals(400, malformed.status(), malformed::toString);
        assertEquals("name", malformed.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        Api.Reply unknown = callback("publish?secret=" + secret, form);
        assertEquals(403, unknown.status());
        assertEquals("urn:onair:problem:stream-key-refused", unknown.json().getString("type"));
        assertFalse(server.messagesLog().toFile().length() == 0);
        assertFalse(Files.readString(server.messagesLog()).contains(secret), "the callback secret is never logged");
    }

    private Api.Reply callback(String pathAndQuery, String form) {
        return Api.send(OnAirServer.internal("/api/ingest/" + pathAndQuery), "POST", null, form, "application/x-www-form-urlencoded");
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpResponse<String> nginxStat() {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(OnAirServer.nginx("/stat")).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
