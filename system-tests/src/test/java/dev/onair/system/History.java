package dev.onair.system;

import jakarta.json.JsonObject;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reads the login history the way an admin does, to see what a sign-in attempt left behind. */
final class History {

    private static Broadcaster admin;

    private History() {
    }

    static synchronized String adminToken() {
        if (admin == null) {
            admin = Broadcaster.admin();
        }
        return admin.token();
    }

    /** The attempts since {@code since} made by the browser with this User-Agent, newest first. */
    static List<JsonObject> attemptsOf(String userAgent, Instant since) {
        Api.Reply reply = new Api().get("/api/admin/logins?size=100&from=" + encode(since.toString()), adminToken());
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(item -> userAgent.equals(item.getString("device", null)))
                .toList();
    }

    /** The one attempt that browser made: a failure with this reason and no account. */
    static void assertOneFailure(String userAgent, Instant since, String reason) {
        List<JsonObject> attempts = attemptsOf(userAgent, since);
        assertEquals(1, attempts.size(), "one attempt recorded: " + attempts);
        assertEquals("FAILURE", attempts.get(0).getString("outcome"));
        assertEquals(reason, attempts.get(0).getString("reason"));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
