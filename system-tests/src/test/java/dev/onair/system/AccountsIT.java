package dev.onair.system;

import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Roles follow onair.admins at every refresh; an admin disables an account and it loses everything at once. */
class AccountsIT {

    private final Api api = new Api();

    @Test
    void removingSomeoneFromTheAdminsTakesTheRoleAwayAtTheirNextRefresh() throws ParseException {
        OnAirServer server = OnAirServer.get();
        KakaoShapedProvider.User second = new KakaoShapedProvider.User(OnAirServer.SECOND_ADMIN_KAKAO_ID, "부관리자",
                "https://img.kakao.test/second-admin.png", null);
        Browser browser = new Browser();
        SignIns.Session session = SignIns.kakao(browser, second);
        try {
            assertTrue(groups(session.accessToken()).contains("admin"), "listed in onair.admins: an admin");
            assertEquals(200, api.get("/api/admin/logins?size=1", session.accessToken()).status());

            server.admins("kakao:" + SignIns.ADMIN.id());
            SignIns.Session later = Eventually.await(() -> SignIns.refresh(browser), s -> !groups(s.accessToken()).contains("admin"),
                    Duration.ofSeconds(20));
            assertFalse(groups(later.accessToken()).contains("admin"), "no longer listed: the refreshed token is a user's");
            assertEquals(403, api.get("/api/admin/logins?size=1", later.accessToken()).status());
            assertEquals(List.of("user"), api.get("/api/me", later.accessToken()).json().getJsonArray("roles").getValuesAs(
                    jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        } finally {
            server.admins("kakao:" + SignIns.ADMIN.id(), "kakao:" + OnAirServer.SECOND_ADMIN_KAKAO_ID);
        }
    }

    @Test
    void aDisabledAccountLosesItsSessionsTokensBroadcastAndPublishesUntilEnabledAgain() {
        Broadcaster admin = Broadcaster.admin();
        KakaoShapedProvider.User person = SignIns.newKakaoUser(false);
        Browser browser = new Browser();
        SignIns.Session session = SignIns.kakao(browser, person);
        Broadcaster bj = new Broadcaster(session.accountId(), session.accessToken());
        String channelId = bj.open(api, "곧 중지될 방송").getString("id");
        JsonObject obs = api.get("/api/studio/stream-key", bj.token()).json();
        Broadcast broadcast = new Broadcast(api, bj, channelId, obs.getString("serverUrl"), obs.getString("streamKey"));
        String path = "/api/admin/accounts/" + bj.id();
        String refreshToken = browser.cookie("onair_refresh").orElseThrow().value();
        try (Publisher encoder = broadcast.publish()) {
            assertEquals("LIVE", broadcast.awaitState("LIVE", Duration.ofSeconds(30)), encoder::output);

            assertEquals(403, api.post(path + "/disable", bj.token(), null).status(), "not for a user");
            assertEquals(409, api.post("/api/admin/accounts/" + admin.id() + "/disable", admin.token(), null).status(),
                    "not one's own account");
            assertEquals(404, api.post("/api/admin/accounts/00000000-0000-0000-0000-000000000000/disable", admin.token(), null).status());

            Api.Reply disabled = api.post(path + "/disable", admin.token(), null);
            assertEquals(200, disabled.status(), disabled::toString);
            assertTrue(disabled.json().getBoolean("disabled"));
            assertNotNull(disabled.json().getString("disabledAt"));

            Api.Reply me = api.get("/api/me", bj.token());
            assertEquals(403, me.status(), "its access tokens stop working at once: " + me);
            assertEquals("account-disabled", me.problemType());
            Api.Reply refresh = browser.post(SignIns.onAir("/api/auth/refresh"), null);
            assertEquals(403, refresh.status(), refresh::toString);
            assertEquals("account-disabled", refresh.problemType());

            JsonObject ended = api.get("/api/channels/" + channelId, admin.token()).json();
            assertEquals("ENDED", ended.getString("state"));
            assertEquals("account-disabled", ended.getString("endReason"));
            assertNotNull(encoder.exitWithin(Duration.ofSeconds(20)), "nginx dropped the encoder: " + encoder.output());
            String stat = IngestIT.nginxStat().body();
            assertFalse(stat.contains(broadcast.streamName()), "nothing publishes on its key any more");
        }
        try (Publisher again = broadcast.publish()) {
            assertNotNull(again.exitWithin(Duration.ofSeconds(20)), "its publishes are refused");
            assertEquals("ENDED", api.get("/api/channels/" + channelId, admin.token()).json().getString("state"));
        }
        Browser elsewhere = new Browser();
        URI callback = SignIns.atKakao(elsewhere, SignIns.startKakao(elsewhere, null), person);
        Api.Reply signIn = elsewhere.get(callback);
        assertEquals(403, signIn.status(), "it cannot sign in: " + signIn);
        assertTrue(signIn.body().contains("account-disabled"), signIn::body);

        Api.Reply enabled = api.post(path + "/enable", admin.token(), null);
        assertEquals(200, enabled.status(), enabled::toString);
        assertFalse(enabled.json().getBoolean("disabled"));
        SignIns.Session back = SignIns.kakao(new Browser(), person);
        assertEquals(bj.id(), back.accountId(), "enabled again: the same account signs in");
        assertEquals(200, api.get("/api/me", back.accessToken()).status());
        Api.Reply revoked = api.post("/api/auth/refresh", null, "{\"refreshToken\":\"" + refreshToken + "\"}");
        assertEquals(401, revoked.status(), "the sessions revoked when it was disabled stay revoked: " + revoked);
        assertEquals("refresh-token-invalid", revoked.problemType());
    }

    private static List<String> groups(String accessToken) {
        try {
            return SignedJWT.parse(accessToken).getJWTClaimsSet().getStringListClaim("groups");
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
