package dev.onair.system;

import jakarta.json.JsonObject;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sign-in flows as a browser runs them, against the test providers. */
public final class SignIns {

    private static final AtomicLong KAKAO_IDS = new AtomicLong(3_000_000_000L + (System.nanoTime() & 0xFFFFFFFL) * 100);

    /** The Kakao user OnAir's test configuration (onair.admins) makes an admin. */
    public static final KakaoShapedProvider.User ADMIN =
            new KakaoShapedProvider.User(1_000_000_001L, "관리자", "https://img.kakao.test/admin.png", "admin@kakao.test");

    /** Where a browser signed in: its account and access token. */
    public record Session(String accountId, String accessToken) {
    }

    private SignIns() {
    }

    public static KakaoShapedProvider.User newKakaoUser(boolean sharesEmail) {
        long id = KAKAO_IDS.incrementAndGet();
        KakaoShapedProvider.User user = new KakaoShapedProvider.User(id, "방송인" + id % 100000,
                "https://img.kakao.test/" + id + ".png", sharesEmail ? "bj" + id + "@kakao.test" : null);
        TestProviders.get().kakao().register(user);
        return user;
    }

    public static URI onAir(String path) {
        return OnAirServer.get().http(path);
    }

    /** Up to the provider: OnAir's 302 to Kakao's authorize page. */
    public static URI startKakao(Browser browser, String returnTo) {
        Api.Reply start = browser.get(onAir("/api/auth/kakao/login" + (returnTo == null ? "" : "?return_to=" + returnTo)));
        assertEquals(302, start.status(), start::toString);
        return Browser.location(start);
    }

    /** The user signs in at Kakao: Kakao's 302 back to OnAir's callback. */
    public static URI atKakao(Browser browser, URI authorize, KakaoShapedProvider.User user) {
        TestProviders.get().kakao().register(user);
        Api.Reply reply = browser.get(URI.create(authorize + "&login_as=" + user.id()));
        assertEquals(302, reply.status(), reply::toString);
        return Browser.location(reply);
    }

    /** The whole browser flow with Kakao, then a refresh for the access token (what a page does). */
    public static Session kakao(Browser browser, KakaoShapedProvider.User user) {
        URI callback = atKakao(browser, startKakao(browser, "/studio"), user);
        Api.Reply back = browser.get(callback);
        assertEquals(302, back.status(), back::toString);
        assertEquals(onAir("/studio"), Browser.location(back));
        return refresh(browser);
    }

    /** The whole browser flow with Google (mock-oauth2-server), then a refresh. */
    public static Session google(Browser browser, String subject, Map<String, Object> claims) {
        TestProviders.get().nextGoogleUser(subject, claims);
        Api.Reply start = browser.get(onAir("/api/auth/google/login?return_to=/"));
        assertEquals(302, start.status(), start::toString);
        Api.Reply atGoogle = browser.get(Browser.location(start));
        assertEquals(302, atGoogle.status(), atGoogle::toString);
        Api.Reply back = browser.get(Browser.location(atGoogle));
        assertEquals(302, back.status(), back::toString);
        return refresh(browser);
    }

    public static Session refresh(Browser browser) {
        Api.Reply refreshed = browser.post(onAir("/api/auth/refresh"), null);
        assertEquals(200, refreshed.status(), refreshed::toString);
        JsonObject tokens = refreshed.json();
        return new Session(tokens.getString("accountId"), tokens.getString("accessToken"));
    }
}
