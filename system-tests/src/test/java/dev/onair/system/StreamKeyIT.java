package dev.onair.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two OBS fields: shown to their owner only, stable until rotated, never anywhere else. */
class StreamKeyIT {

    private final Api api = new Api();

    private static String secretOf(String streamKey) {
        return streamKey.substring(streamKey.indexOf("?key=") + "?key=".length());
    }

    @Test
    void theOwnerGetsTheObsFieldsAndTheyStayTheSame() {
        Broadcaster bj = Broadcaster.fresh();
        Api.Reply first = api.get("/api/studio/stream-key", bj.token());
        assertEquals(200, first.status(), first::toString);
        assertTrue(first.header("Cache-Control").orElse("").contains("no-store"));
        JsonObject obs = first.json();
        assertEquals(OnAirServer.rtmpUrl(), obs.getString("serverUrl"), "onair.ingest.rtmp-url");
        String key = obs.getString("streamKey");
        assertTrue(key.matches("[a-z0-9]{16}\\?key=[A-Za-z0-9_-]{43}"), key);
        assertTrue(Base64.getUrlDecoder().decode(secretOf(key)).length * 8 >= 128);

        assertEquals(key, api.get("/api/studio/stream-key", bj.token()).json().getString("streamKey"),
                "OBS is set up once: the key is the same on every visit");
        assertNotEquals(key, api.get("/api/studio/stream-key", Broadcaster.fresh().token()).json().getString("streamKey"));
    }

    @Test
    void rotationMakesANewSecretAndTheOldOneIsGone() {
        Broadcaster bj = Broadcaster.fresh();
        String old = api.get("/api/studio/stream-key", bj.token()).json().getString("streamKey");
        Api.Reply rotated = api.post("/api/studio/stream-key/rotation", bj.token(), null);
        assertEquals(200, rotated.status(), rotated::toString);
        assertTrue(rotated.header("Cache-Control").orElse("").contains("no-store"));
        String fresh = rotated.json().getString("streamKey");
        assertNotEquals(secretOf(old), secretOf(fresh));
        assertEquals(old.substring(0, 16), fresh.substring(0, 16), "the public name stays, so HLS paths stay");
        assertEquals(fresh, api.get("/api/studio/stream-key", bj.token()).json().getString("streamKey"));
        assertEquals(200, api.post("/api/studio/stream-key/rotation", bj.token(), null).status());
        assertNotEquals(fresh, api.get("/api/studio/stream-key", bj.token()).json().getString("streamKey"));
    }

    @Test
    void onlyASignedInUserMayAskForAKey() {
        assertEquals(401, api.get("/api/studio/stream-key", null).status());
        assertEquals(401, api.post("/api/studio/stream-key/rotation", null, null).status());
        String noRoles = Tokens.withGroups(Tokens.newSubject(), List.of("guest"));
        Api.Reply forbidden = api.get("/api/studio/stream-key", noRoles);
        assertEquals(403, forbidden.status());
        assertEquals("forbidden", forbidden.problemType());
    }

    @Test
    void noOtherResponseAndNoLogLineContainsTheSecret() throws Exception {
        Broadcaster bj = Broadcaster.fresh();
        String secret = secretOf(api.get("/api/studio/stream-key", bj.token()).json().getString("streamKey"));
        String id = bj.open(api, "secret-free").getString("id");
        List<Api.Reply> replies = new ArrayList<>();
        replies.add(api.get("/api/studio", bj.token()));
        replies.add(api.get("/api/channels/" + id, null));
        replies.add(api.get("/api/channels/" + id, bj.token()));
        replies.add(api.patch("/api/channels/" + id, bj.token(), Json.createObjectBuilder().add("title", "t2").build().toString()));
        replies.add(api.post("/api/studio/channels", bj.token(), Broadcaster.channelJson("dup", "PUBLIC")));
        replies.add(api.post("/api/studio/channels", bj.token(), "{bad"));
        replies.add(api.post("/api/channels/" + id + "/end", bj.token(), null));
        replies.add(api.post("/api/channels/" + id + "/end", bj.token(), null));
        replies.add(api.get("/api/channels?state=ENDED&size=100", null));
        replies.add(api.get("/api/channels?state=LIVE&size=100", null));
        replies.add(api.get("/openapi", null));
        for (Api.Reply reply : replies) {
            assertFalse(reply.body().contains(secret), "secret leaked in " + reply);
            reply.response().headers().map().values().forEach(values ->
                    values.forEach(value -> assertFalse(value.contains(secret), "secret leaked in a header")));
        }
        assertFalse(Files.readString(OnAirServer.get().messagesLog()).contains(secret), "secret leaked in the log");
    }
}
