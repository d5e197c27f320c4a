package dev.onair.system;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every way a sign-in can go wrong ends in a clear refusal (an error page for a browser,
 * problem+json for a program), never a 500, and leaves exactly one failed-login record.
 */
class SignInRefusalsIT {

    private static final Map<String, String> JSON = Map.of("Accept", "application/json");

    /** A browser of its own per case, so its attempts can be told apart in the history. */
    private static Browser browser() {
        return new Browser("RefusalTest/" + UUID.randomUUID(), null);
    }

    private static String userAgent(Browser browser) {
        return browser.userAgent();
    }

    private static void assertRefused(Api.Reply reply, int status, String type) {
        assertEquals(status, reply.status(), reply::toString);
        assertEquals("application/problem+json", reply.contentType(), reply::toString);
        assertEquals(type, reply.problemType(), reply::toString);
    }

    @Test
    void aMissingUnknownReusedOrForeignStateIsRefused() {
        Instant since = Instant.now().minusSeconds(1);
        Browser missing = browser();
        assertRefused(missing.get(SignIns.onAir("/api/auth/kakao/callback?code=abc"), JSON), 400, "sign-in-state-invalid");
        History.assertOneFailure(userAgent(missing), since, "sign-in-state-invalid");

        Browser wrong = browser();
        SignIns.startKakao(wrong, null);
        assertRefused(wrong.get(SignIns.onAir("/api/auth/kakao/callback?code=abc&state=" + UUID.randomUUID()), JSON),
                400, "sign-in-state-invalid");
        History.assertOneFailure(userAgent(wrong), since, "sign-in-state-invalid");

        Browser reused = browser();
        URI callback = SignIns.atKakao(reused, SignIns.startKakao(reused, null), SignIns.newKakaoUser(true));
        assertEquals(302, reused.get(callback).status());
        Api.Reply replay = reused.get(callback, JSON);
        assertRefused(replay, 400, "sign-in-state-invalid");
        assertTrue(replay.json().getString("detail").contains("already used"), replay::toString);
        List<String> outcomes = Eventually.await(() -> History.attemptsOf(userAgent(reused), since), list -> list.size() >= 2)
                .stream().map(attempt -> attempt.getString("outcome") + " " + attempt.getString("reason", "")).toList();
        assertEquals(List.of("FAILURE sign-in-state-invalid", "SUCCESS "), outcomes, "newest first");

        Browser starter = browser();
        URI stolen = SignIns.atKakao(starter, SignIns.startKakao(starter, null), SignIns.newKakaoUser(true));
        Browser attacker = browser();
        Api.Reply foreign = attacker.get(stolen, JSON);
        assertRefused(foreign, 400, "sign-in-state-invalid");
        assertTrue(foreign.json().getString("detail").contains("another browser"), foreign::toString);
        History.assertOneFailure(userAgent(attacker), since, "sign-in-state-invalid");
        assertRefused(starter.get(stolen, JSON), 400, "sign-in-state-invalid");
    }

    @Test
    void aSignInThatTookTooLongHasExpired() throws InterruptedException {
        Instant since = Instant.now().minusSeconds(1);
        Browser slow = browser();
        URI callback = SignIns.atKakao(slow, SignIns.startKakao(slow, null), SignIns.newKakaoUser(true));
        Thread.sleep((TestProviders.STATE_TTL_SECONDS + 1) * 1000L);
        Api.Reply reply = slow.get(callback, JSON);
        assertRefused(reply, 400, "sign-in-state-invalid");
        assertTrue(reply.json().getString("detail").contains("expired"), reply::toString);
        History.assertOneFailure(userAgent(slow), since, "sign-in-state-invalid");
    }

    @Test
    void aCodeRedeemedWithAnotherSignInsVerifierIsRefusedByBothProviders() {
        Instant since = Instant.now().minusSeconds(1);
        Browser browser = browser();
        URI first = SignIns.startKakao(browser, null);
        URI second = SignIns.startKakao(browser, null);
        URI codeOfFirst = SignIns.atKakao(browser, first, SignIns.newKakaoUser(true));
        String code = Browser.query(codeOfFirst).get("code");
        String stateOfSecond = Browser.query(second).get("state");
        Api.Reply reply = browser.get(SignIns.onAir("/api/auth/kakao/callback?code=" + code + "&state=" + stateOfSecond), JSON);
        assertRefused(reply, 401, "provider-refused");
        History.assertOneFailure(userAgent(browser), since, "provider-refused");

        Browser google = browser();
        TestProviders.get().nextGoogleUser("g-" + UUID.randomUUID(), Map.of());
        URI googleFirst = Browser.location(google.get(SignIns.onAir("/api/auth/google/login")));
        URI googleSecond = Browser.location(google.get(SignIns.onAir("/api/auth/google/login")));
        URI googleCode = Browser.location(google.get(googleFirst));
        Api.Reply swapped = google.get(SignIns.onAir("/api/auth/google/callback?code=" + Browser.query(googleCode).get("code")
                + "&state=" + Browser.query(googleSecond).get("state")), JSON);
        assertRefused(swapped, 401, "provider-refused");
        History.assertOneFailure(userAgent(google), since, "provider-refused");
    }

    @Test
    void onlyAllowListedCallbackAndReturnAddressesAreUsed() {
        Instant since = Instant.now().minusSeconds(1);
        Browser foreignHost = browser();
        // The same server under another name (localhost instead of 127.0.0.1, as a forged Host
        // header or a misrouted proxy would present it): that callback address is not listed.
        URI otherName = URI.create(SignIns.onAir("/api/auth/kakao/login").toString().replace("127.0.0.1", "localhost"));
        Api.Reply reply = foreignHost.get(otherName, JSON);
        assertRefused(reply, 400, "redirect-uri-not-allowed");
        History.assertOneFailure(userAgent(foreignHost), since, "redirect-uri-not-allowed");

        for (String returnTo : new String[]{"https://evil.test/", "//evil.test/x", "/\\evil.test", "javascript:alert(1)",
                "http://127.0.0.1:19080@evil.test/"}) {
            Browser browser = browser();
            Api.Reply refused = browser.get(SignIns.onAir("/api/auth/kakao/login?return_to=" + History.encode(returnTo)), JSON);
            assertRefused(refused, 400, "return-to-not-allowed");
            History.assertOneFailure(userAgent(browser), since, "return-to-not-allowed");
        }
    }

    @Test
    void cancellingAtTheProviderShowsAPageAndIsRecorded() {
        Instant since = Instant.now().minusSeconds(1);
        Browser browser = browser();
        URI authorize = SignIns.startKakao(browser, null);
        Api.Reply denied = browser.get(URI.create(authorize + "&deny=1"));
        Api.Reply page = browser.get(Browser.location(denied));
        assertEquals(401, page.status());
        assertTrue(page.contentType().startsWith("text/html"), page::toString);
        assertTrue(page.body().contains("Sign-in was cancelled") && page.body().contains("urn:onair:problem:sign-in-cancelled"), page.body());
        assertTrue(page.header("Content-Security-Policy").orElse("").contains("default-src 'none'"), page::toString);
        assertTrue(browser.cookie("onair_refresh").isEmpty(), "not signed in");
        History.assertOneFailure(userAgent(browser), since, "sign-in-cancelled");
    }

    @Test
    void aProviderThatFailsIsSlowOrAnswersNonsenseIsAClearRefusal() {
        Instant since = Instant.now().minusSeconds(1);
        Map<String, String> faults = Map.of(TestProviders.KAKAO_500, "provider-unavailable",
                TestProviders.KAKAO_SLOW, "provider-unavailable",
                TestProviders.KAKAO_MALFORMED, "provider-answer-invalid");
        faults.forEach((code, type) -> {
            Browser browser = browser();
            String state = Browser.query(SignIns.startKakao(browser, null)).get("state");
            long started = System.nanoTime();
            Api.Reply reply = browser.get(SignIns.onAir("/api/auth/kakao/callback?code=" + code + "&state=" + state), JSON);
            assertRefused(reply, 502, type);
            assertTrue((System.nanoTime() - started) / 1_000_000 < TestProviders.SLOW_MILLIS, code + ": the read timeout cut it short");
            History.assertOneFailure(userAgent(browser), since, type);
        });
    }

    @Test
    void aProviderThatIsDownIsAClearRefusal() {
        Instant since = Instant.now().minusSeconds(1);
        Browser kakaoShaped = browser();
        Api.Reply start = kakaoShaped.get(SignIns.onAir("/api/auth/gone/login"));
        assertEquals(302, start.status(), "Kakao's protocol needs no call before the redirect");
        String state = Browser.query(Browser.location(start)).get("state");
        Api.Reply callback = kakaoShaped.get(SignIns.onAir("/api/auth/gone/callback?code=c&state=" + state), JSON);
        assertRefused(callback, 502, "provider-unavailable");
        History.assertOneFailure(userAgent(kakaoShaped), since, "provider-unavailable");

        Browser oidc = browser();
        Api.Reply discovery = oidc.get(SignIns.onAir("/api/auth/gone-oidc/login"));
        assertEquals(502, discovery.status(), "OpenID Connect needs its discovery document first");
        assertTrue(discovery.contentType().startsWith("text/html"), "a browser gets a page: " + discovery);
        History.assertOneFailure(userAgent(oidc), since, "provider-unavailable");
    }

    @Test
    void idTokensThatDoNotHoldUpAreRefused() {
        Instant since = Instant.now().minusSeconds(1);
        LabOidcProvider lab = TestProviders.get().lab();
        Map<String, Function<String, String>> attacks = Map.of(
                "wrong nonce", nonce -> lab.signed(lab.claims("s1", "not-" + nonce).build()),
                "wrong issuer", nonce -> lab.signed(lab.claims("s2", nonce).issuer("https://accounts.evil.test").build()),
                "wrong audience", nonce -> lab.signed(lab.claims("s3", nonce).audience("someone-else").build()),
                "expired", nonce -> lab.signed(lab.claims("s4", nonce).expirationTime(Date.from(Instant.now().minusSeconds(600)))
                        .issueTime(Date.from(Instant.now().minusSeconds(900))).build()),
                "bad signature", nonce -> lab.signedByStranger(lab.claims("s5", nonce).build()),
                "alg none", nonce -> lab.unsigned(lab.claims("s6", nonce).build()));
        attacks.forEach((attack, idToken) -> {
            Browser browser = browser();
            Api.Reply reply = signInAtLab(browser, idToken);
            assertRefused(reply, 401, "id-token-invalid");
            History.assertOneFailure(userAgent(browser), since, "id-token-invalid");
        });

        Api.Reply accepted = signInAtLab(browser(), nonce -> lab.signed(lab.claims("lab-" + UUID.randomUUID(), nonce).build()));
        assertEquals(200, accepted.status(), "the same provider's good id_token signs in: " + accepted);
    }

    /** A sign-in at the scripted provider, whose token endpoint answers with the id_token made for the request's nonce. */
    private static Api.Reply signInAtLab(Browser browser, Function<String, String> idTokenForNonce) {
        Map<String, String> request = Browser.query(Browser.location(browser.get(SignIns.onAir("/api/auth/lab/login"))));
        String code = "lab-" + UUID.randomUUID();
        TestProviders.get().lab().answer(code, idTokenForNonce.apply(request.get("nonce")));
        return browser.get(SignIns.onAir("/api/auth/lab/callback?code=" + code + "&state=" + request.get("state")), JSON);
    }

    @Test
    void anUnknownProviderIs404() {
        Browser browser = browser();
        assertRefused(browser.get(SignIns.onAir("/api/auth/myspace/login"), JSON), 404, "unknown-provider");
    }
}
