package dev.onair.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** One signed-in person for a test: the account id and its access token, from a real sign-in. */
public record Broadcaster(String id, String token) {

    /** A new Kakao user signs in for the first time (a new account). */
    public static Broadcaster fresh() {
        SignIns.Session session = SignIns.kakao(new Browser(), SignIns.newKakaoUser(true));
        return new Broadcaster(session.accountId(), session.accessToken());
    }

    /** The Kakao user that onair.admins names signs in. */
    public static Broadcaster admin() {
        SignIns.Session session = SignIns.kakao(new Browser(), SignIns.ADMIN);
        return new Broadcaster(session.accountId(), session.accessToken());
    }

    public static String channelJson(String title, String visibility) {
        return Json.createObjectBuilder().add("title", title).add("visibility", visibility).build().toString();
    }

    /** Opens a channel and returns it, failing the test unless that answers 201. */
    public JsonObject open(Api api, String title) {
        return open(api, title, "PUBLIC");
    }

    /** Opens a PUBLIC or PRIVATE channel and returns it, failing the test unless that answers 201. */
    public JsonObject open(Api api, String title, String visibility) {
        Api.Reply reply = api.post("/api/studio/channels", token, channelJson(title, visibility));
        if (reply.status() != 201) {
            throw new AssertionError("could not open a channel: " + reply);
        }
        return reply.json();
    }
}
