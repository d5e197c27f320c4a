package dev.onair.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** One signed-in person for a test: a fresh account id and its access token. */
public record Broadcaster(String id, String token) {

    public static Broadcaster fresh() {
        String id = Tokens.newSubject();
        return new Broadcaster(id, Tokens.user(id));
    }

    public static Broadcaster freshAdmin() {
        String id = Tokens.newSubject();
        return new Broadcaster(id, Tokens.admin(id));
    }

    public static String channelJson(String title, String visibility) {
        return Json.createObjectBuilder().add("title", title).add("visibility", visibility).build().toString();
    }

    /** Opens a channel and returns it, failing the test unless that answers 201. */
    public JsonObject open(Api api, String title) {
        Api.Reply reply = api.post("/api/studio/channels", token, channelJson(title, "PUBLIC"));
        if (reply.status() != 201) {
            throw new AssertionError("could not open a channel: " + reply);
        }
        return reply.json();
    }
}
