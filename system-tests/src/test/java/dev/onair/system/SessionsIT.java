package dev.onair.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Refresh tokens: rotated on every use, a reused one signs out its whole session, logout revokes. */
class SessionsIT {

    private final Api api = new Api();

    private static String body(String refreshToken) {
        return Json.createObjectBuilder().add("refreshToken", refreshToken).build().toString();
    }

    /** Signs in with the JSON form and returns its tokens. */
    private static JsonObject signInAsProgram() {
        Browser program = new Browser("sessions-test", null);
        URI callback = SignIns.atKakao(program, SignIns.startKakao(program, null), SignIns.newKakaoUser(true));
        Api.Reply reply = program.get(callback, Map.of("Accept", "application/json"));
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    @Test
    void everyRefreshRotatesTheCookieAndGivesAWorkingAccessToken() {
        Browser browser = new Browser();
        SignIns.Session first = SignIns.kakao(browser, SignIns.newKakaoUser(true));
        String cookieBefore = browser.cookie("onair_refresh").orElseThrow().value();
        SignIns.Session second = SignIns.refresh(browser);
        String cookieAfter = browser.cookie("onair_refresh").orElseThrow().value();
        assertNotEquals(cookieBefore, cookieAfter, "the refresh token is replaced on every use");
        assertEquals(first.accountId(), second.accountId());
        assertEquals(200, api.get("/api/me", second.accessToken()).status());
        Api.Reply reply = browser.post(SignIns.onAir("/api/auth/refresh"), null);
        assertTrue(!reply.body().contains("refreshToken"), "the cookie form never shows the refresh token to scripts");
    }

    @Test
    void aRotatedTokenPresentedAgainRevokesTheWholeFamily() {
        JsonObject signedIn = signInAsProgram();
        String original = signedIn.getString("refreshToken");
        Api.Reply rotated = api.post("/api/auth/refresh", null, body(original));
        assertEquals(200, rotated.status(), rotated::toString);
        String next = rotated.json().getString("refreshToken");
        assertNotEquals(original, next);

        Api.Reply theft = api.post("/api/auth/refresh", null, body(original));
        assertEquals(401, theft.status());
        assertEquals("refresh-token-reused", theft.problemType());

        Api.Reply victim = api.post("/api/auth/refresh", null, body(next));
        assertEquals(401, victim.status(), "the legitimate holder's newer token is revoked too");
        assertEquals("refresh-token-invalid", victim.problemType());
        assertTrue(victim.json().getString("detail").contains("revoked"), victim::toString);
    }

    @Test
    void logoutRevokesTheSessionAndClearsTheCookie() {
        Browser browser = new Browser();
        SignIns.kakao(browser, SignIns.newKakaoUser(true));
        String cookie = browser.cookie("onair_refresh").orElseThrow().value();
        Api.Reply logout = browser.post(SignIns.onAir("/api/auth/logout"), null);
        assertEquals(204, logout.status(), logout::toString);
        assertTrue(browser.cookie("onair_refresh").isEmpty(), "the cookie is cleared");
        Api.Reply after = api.post("/api/auth/refresh", null, body(cookie));
        assertEquals(401, after.status());
        assertEquals("refresh-token-invalid", after.problemType());

        JsonObject program = signInAsProgram();
        assertEquals(204, api.post("/api/auth/logout", null, body(program.getString("refreshToken"))).status());
        assertEquals(401, api.post("/api/auth/refresh", null, body(program.getString("refreshToken"))).status());
        assertEquals(204, api.post("/api/auth/logout", null, body("never-issued")).status(), "logout is idempotent");
    }

    @Test
    void refreshWithoutOrWithABadTokenIs401AndABadBodyIs400() {
        Api.Reply none = api.post("/api/auth/refresh", null, null);
        assertEquals(401, none.status());
        assertEquals("refresh-token-invalid", none.problemType());
        Api.Reply unknown = api.post("/api/auth/refresh", null, body("not-a-token"));
        assertEquals(401, unknown.status());
        Api.Reply malformed = api.post("/api/auth/refresh", null, "{\"refreshToken\":");
        assertEquals(400, malformed.status());
        assertEquals("malformed-body", malformed.problemType());
        Api.Reply extra = api.post("/api/auth/refresh", null, "{\"refreshToken\":\"x\",\"grant\":\"admin\"}");
        assertEquals(400, extra.status());
        assertEquals("grant", extra.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }
}
