package dev.onair.system;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bearer tokens OnAir must not accept are answered 401 as problem+json, and grant nothing. */
class SecurityIT {

    private final Api api = new Api();

    @Test
    void everyStudioCallNeedsATokenAndEveryChannelChangeToo() {
        String someChannel = "/api/channels/00000000-0000-0000-0000-000000000000";
        for (String[] call : new String[][]{{"GET", "/api/studio"}, {"POST", "/api/studio/channels"},
                {"GET", "/api/studio/stream-key"}, {"POST", "/api/studio/stream-key/rotation"},
                {"PATCH", someChannel}, {"POST", someChannel + "/end"}}) {
            Api.Reply reply = api.send(call[0], call[1], null, "{}", "application/json");
            assertEquals(401, reply.status(), call[0] + " " + call[1] + ": " + reply);
            assertEquals("unauthorized", reply.problemType());
        }
    }

    @Test
    void forgedOrStaleTokensAreRefused() {
        String subject = Tokens.newSubject();
        String valid = Tokens.user(subject);
        String[] parts = valid.split("\\.");
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(UTF_8))
                + "." + parts[1] + ".";
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), UTF_8).replace("\"user\"", "\"admin\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(UTF_8)) + "." + parts[2];
        for (String token : List.of(Tokens.expired(subject), Tokens.issuedBy("someone-else", subject),
                Tokens.forAudience("another-app", subject), Tokens.signedByStranger(subject), unsigned, tampered, "garbage")) {
            Api.Reply reply = api.get("/api/studio", token);
            assertEquals(401, reply.status(), reply::toString);
            assertEquals("application/problem+json", reply.contentType());
            assertEquals("unauthorized", reply.problemType());
        }
        assertEquals(404, api.get("/api/studio", valid).status(), "the untampered token works");
    }
}
