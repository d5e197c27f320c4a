package dev.onair.system;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        String subject = Broadcaster.fresh().id();
        String valid = Tokens.user(subject);
        String[] parts = valid.split("\\.");
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(UTF_8))
                + "." + parts[1] + ".";
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), UTF_8).replace("\"user\"", "\"admin\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(UTF_8)) + "." + parts[2];
        Map<String, String> attacks = new LinkedHashMap<>();
        attacks.put("alg none", unsigned);
        attacks.put("HS256 signed with the public key", Tokens.hs256WithPublicKey(subject));
        attacks.put("expired", Tokens.expired(subject));
        attacks.put("wrong issuer", Tokens.issuedBy("someone-else", subject));
        attacks.put("wrong audience", Tokens.forAudience("another-app", subject));
        attacks.put("tampered payload", tampered);
        attacks.put("unknown kid", Tokens.unknownKid(subject));
        attacks.put("signed by a stranger", Tokens.signedByStranger(subject));
        attacks.put("the provider's id_token", TestProviders.get().googleIdToken("google-user-" + subject));
        attacks.put("garbage", "garbage");
        attacks.put("no typ in the header", Tokens.withoutType(subject));
        attacks.put("typ JWT (an id_token's)", Tokens.typed(subject, "JWT"));
        attacks.put("typ something else", Tokens.typed(subject, "dpop+jwt"));
        attacks.forEach((attack, token) -> {
            Api.Reply reply = api.get("/api/me", token);
            assertEquals(401, reply.status(), attack + ": " + reply);
            assertEquals("application/problem+json", reply.contentType(), attack);
            assertEquals("unauthorized", reply.problemType(), attack);
        });
        Api.Reply me = api.get("/api/me", valid);
        assertEquals(200, me.status(), "the untampered token works: " + me);
        assertEquals(subject, me.json().getString("id"));
        assertEquals(401, api.get("/api/channels?state=LIVE", Tokens.withoutType(subject)).status(),
                "refused on public endpoints too, not taken for anonymous");
    }

    @Test
    void cookieRefreshAndLogoutRefuseOtherSites() {
        Browser browser = new Browser();
        SignIns.kakao(browser, SignIns.newKakaoUser(false));
        java.net.URI refresh = SignIns.onAir("/api/auth/refresh");
        java.net.URI logout = SignIns.onAir("/api/auth/logout");
        for (Map<String, String> crossSite : List.of(Map.of("Sec-Fetch-Site", "cross-site"), Map.of("Sec-Fetch-Site", "same-site"),
                Map.of("Origin", "https://evil.example"), Map.of("Origin", "null"))) {
            for (java.net.URI call : List.of(refresh, logout)) {
                Api.Reply refused = browser.postWith(call, crossSite);
                assertEquals(403, refused.status(), call + " " + crossSite + ": " + refused);
                assertEquals("cross-site-request", refused.problemType());
            }
        }
        Api.Reply sameOrigin = browser.postWith(refresh, Map.of("Sec-Fetch-Site", "same-origin",
                "Origin", "http://127.0.0.1:" + refresh.getPort()));
        assertEquals(200, sameOrigin.status(), "the session is intact and OnAir's own page refreshes: " + sameOrigin);
        Api.Reply oldBrowser = browser.postWith(refresh, Map.of("Origin", "http://127.0.0.1:" + refresh.getPort()));
        assertEquals(200, oldBrowser.status(), "a browser without Sec-Fetch-Site, from OnAir's own origin: " + oldBrowser);
    }
}
