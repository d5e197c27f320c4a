package dev.onair.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;

/**
 * A broadcaster with an open channel and the two OBS fields the studio gave, as the ingest tests
 * use them: publish with ffmpeg, read the channel, its events and its health through the API.
 */
public record Broadcast(Api api, Broadcaster broadcaster, String channelId, String serverUrl, String streamKey) {

    /** A new broadcaster signs in, opens a channel and reads the OBS settings from the studio. */
    public static Broadcast open(Api api, String title) {
        return open(api, title, "PUBLIC");
    }

    /** The same, with a PUBLIC or PRIVATE channel. */
    public static Broadcast open(Api api, String title, String visibility) {
        Broadcaster bj = Broadcaster.fresh();
        String channelId = bj.open(api, title, visibility).getString("id");
        JsonObject obs = api.get("/api/studio/stream-key", bj.token()).json();
        return new Broadcast(api, bj, channelId, obs.getString("serverUrl"), obs.getString("streamKey"));
    }

    public String streamName() {
        return streamKey.substring(0, streamKey.indexOf('?'));
    }

    public Publisher publish() {
        return Publisher.start(serverUrl, streamKey);
    }

    /** Publishes over RTMPS, the studio's other "Server" field. */
    public Publisher publishSecurely() {
        String secure = api.get("/api/studio/stream-key", broadcaster.token()).json().getString("secureServerUrl");
        return Publisher.start(secure, streamKey);
    }

    /** The channel as its broadcaster sees it (who may see a private one too). */
    public JsonObject channel() {
        return api.get("/api/channels/" + channelId, broadcaster.token()).json();
    }

    public String state() {
        return channel().getString("state");
    }

    /** Waits up to {@code timeout} for the channel to reach {@code state}; returns the state it ended up in. */
    public String awaitState(String state, Duration timeout) {
        return Eventually.await(this::state, state::equals, timeout);
    }

    /** The types of the channel's lifecycle events, oldest first. */
    public List<String> events() {
        return eventObjects().stream().map(e -> e.getString("type")).toList();
    }

    public List<JsonObject> eventObjects() {
        Api.Reply reply = api.get("/api/channels/" + channelId + "/events", broadcaster.token());
        if (reply.status() != 200) {
            throw new AssertionError("events: " + reply);
        }
        try (JsonReader reader = Json.createReader(new StringReader(reply.body()))) {
            return reader.readArray().getValuesAs(JsonObject.class);
        }
    }

    public JsonObject health() {
        Api.Reply reply = api.get("/api/channels/" + channelId + "/health", broadcaster.token());
        if (reply.status() != 200) {
            throw new AssertionError("health: " + reply);
        }
        return reply.json();
    }

    /** The channel's folder in the bucket. */
    public String folder() {
        return "channels/" + channelId + "/";
    }

    /** The channel's replay (GET /api/channels/{id}/replay) once written, failing after {@code timeout}. */
    public JsonObject awaitReplay(String token, Duration timeout) {
        Api.Reply reply = Eventually.await(() -> api.get("/api/channels/" + channelId + "/replay", token),
                r -> r.status() == 200, timeout);
        if (reply.status() != 200) {
            throw new AssertionError("no replay within " + timeout + ": " + reply);
        }
        return reply.json();
    }

    public Api.Reply end() {
        return api.post("/api/channels/" + channelId + "/end", broadcaster.token(), null);
    }

    /** Rotates the key and returns the broadcast with the new OBS settings. */
    public Broadcast rotateKey() {
        JsonObject obs = api.post("/api/studio/stream-key/rotation", broadcaster.token(), null).json();
        return new Broadcast(api, broadcaster, channelId, obs.getString("serverUrl"), obs.getString("streamKey"));
    }

    static String text(JsonObject object, String field) {
        return object.get(field) instanceof JsonString s ? s.getString() : null;
    }
}
