package dev.onair.system;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signing in with Kakao and Google end to end: the account is made on the first sign-in only. */
class SignInIT {

    private final Api api = new Api();

    @Test
    void kakaoSignInCreatesTheAccountOnceAndSendsTheBrowserBackSignedIn() {
        Instant before = Instant.now().minusSeconds(1);
        KakaoShapedProvider.User user = SignIns.newKakaoUser(true);
        Browser browser = new Browser();

        URI authorize = SignIns.startKakao(browser, "/studio?tab=key");
        Map<String, String> request = Browser.query(authorize);
        assertEquals("/oauth/authorize", authorize.getPath());
        assertEquals(KakaoShapedProvider.CLIENT_ID, request.get("client_id"));
        assertEquals("code", request.get("response_type"));
        assertEquals("S256", request.get("code_challenge_method"));
        assertEquals(43, request.get("code_challenge").length(), "a SHA-256 challenge, base64url");
        assertTrue(request.get("state").length() >= 43, "an unguessable state");
        assertEquals(SignIns.onAir("/api/auth/kakao/callback").toString(), request.get("redirect_uri"));
        Browser.Cookie binding = browser.cookie("onair_signin").orElseThrow();
        assertTrue(binding.has("HttpOnly") && binding.has("Secure"), binding::toString);
        assertEquals("Lax", binding.attribute("SameSite"), "it must come back on the provider's redirect");

        Api.Reply back = browser.get(SignIns.atKakao(browser, authorize, user));
        assertEquals(302, back.status(), back::toString);
        assertEquals(SignIns.onAir("/studio?tab=key"), Browser.location(back));
        assertTrue(back.header("Cache-Control").orElse("").contains("no-store"), back::toString);
        Browser.Cookie refresh = browser.cookie("onair_refresh").orElseThrow();
        assertTrue(refresh.has("HttpOnly") && refresh.has("Secure"), refresh::toString);
        assertEquals("Strict", refresh.attribute("SameSite"));
        assertEquals("/api/auth", refresh.attribute("Path"));

        SignIns.Session session = SignIns.refresh(browser);
        JsonObject me = Eventually.await(() -> api.get("/api/me", session.accessToken()).json(),
                account -> account.containsKey("lastLoginAt") && !account.isNull("lastLoginAt"));
        assertEquals(session.accountId(), me.getString("id"));
        assertEquals(user.nickname(), me.getString("displayName"));
        assertEquals(user.imageUrl(), me.getString("avatarUrl"));
        assertEquals(user.email(), me.getString("email"));
        assertEquals(List.of("user"), me.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertFalse(Instant.parse(me.getString("lastLoginAt")).isBefore(before), "the last login follows the sign-in");

        KakaoShapedProvider.User renamed = new KakaoShapedProvider.User(user.id(), "새 닉네임", user.imageUrl() + "?v2", user.email());
        SignIns.Session again = SignIns.kakao(new Browser(), renamed);
        assertEquals(session.accountId(), again.accountId(), "the second sign-in finds the same account");
        JsonObject refreshed = api.get("/api/me", again.accessToken()).json();
        assertEquals("새 닉네임", refreshed.getString("displayName"), "later sign-ins take the provider's current name");
        assertEquals(renamed.imageUrl(), refreshed.getString("avatarUrl"));
    }

    @Test
    void kakaoUsersWhoDoNotShareTheirEmailGetAnAccountWithoutOne() {
        SignIns.Session session = SignIns.kakao(new Browser(), SignIns.newKakaoUser(false));
        JsonObject me = api.get("/api/me", session.accessToken()).json();
        assertFalse(me.containsKey("email") && !me.isNull("email"), me::toString);
        assertTrue(me.getString("displayName").startsWith("방송인"));
    }

    @Test
    void googleSignInWorksAndTrustsOnlyVerifiedEmail() {
        String subject = "g-" + UUID.randomUUID();
        SignIns.Session first = SignIns.google(new Browser(), subject, Map.of("name", "Gildong Hong", "email",
                "gildong@gmail.test", "email_verified", true, "picture", "https://img.google.test/g.png"));
        JsonObject me = api.get("/api/me", first.accessToken()).json();
        assertEquals("Gildong Hong", me.getString("displayName"));
        assertEquals("gildong@gmail.test", me.getString("email"));
        assertEquals("https://img.google.test/g.png", me.getString("avatarUrl"));

        SignIns.Session second = SignIns.google(new Browser(), subject, Map.of("name", "홍길동"));
        assertEquals(first.accountId(), second.accountId(), "the identity key is (google, sub)");
        assertEquals("홍길동", api.get("/api/me", second.accessToken()).json().getString("displayName"));

        String other = "g-" + UUID.randomUUID();
        SignIns.Session unverified = SignIns.google(new Browser(), other, Map.of("name", "Unverified",
                "email", "gildong@gmail.test", "email_verified", false));
        assertNotEquals(first.accountId(), unverified.accountId(), "an e-mail address never joins identities");
        JsonObject unverifiedMe = api.get("/api/me", unverified.accessToken()).json();
        assertFalse(unverifiedMe.containsKey("email") && !unverifiedMe.isNull("email"), "an unverified address is not taken");
    }

    @Test
    void programsMayTakeTheTokensAsJsonInsteadOfACookie() {
        Browser program = new Browser("onair-cli/1.0", null);
        URI authorize = SignIns.startKakao(program, null);
        URI callback = SignIns.atKakao(program, authorize, SignIns.newKakaoUser(true));
        Api.Reply reply = program.get(callback, Map.of("Accept", "application/json"));
        assertEquals(200, reply.status(), reply::toString);
        JsonObject tokens = reply.json();
        assertEquals("Bearer", tokens.getString("tokenType"));
        assertTrue(tokens.getInt("expiresIn") > 0 && tokens.getInt("expiresIn") <= 900, "at most 15 minutes");
        assertNotNull(tokens.getString("refreshToken"));
        assertEquals("/", tokens.getString("returnTo"));
        assertTrue(program.cookie("onair_refresh").isEmpty(), "no cookie in the JSON form");
        assertEquals(200, api.get("/api/me", tokens.getString("accessToken")).status());
    }

    @Test
    void accessTokensCarryWhatMpJwtNeedsAndTheJwksPublishesOnlyPublicKeys() throws Exception {
        SignIns.Session session = SignIns.kakao(new Browser(), SignIns.newKakaoUser(true));
        var jwt = com.nimbusds.jwt.SignedJWT.parse(session.accessToken());
        assertEquals("RS256", jwt.getHeader().getAlgorithm().getName());
        assertEquals("at+jwt", jwt.getHeader().getType().getType());
        assertEquals(Tokens.KID, jwt.getHeader().getKeyID());
        var claims = jwt.getJWTClaimsSet();
        assertEquals("onair", claims.getIssuer());
        assertEquals(List.of("onair"), claims.getAudience());
        assertEquals(session.accountId(), claims.getSubject());
        assertEquals(List.of("user"), claims.getStringListClaim("groups"));
        assertNotNull(claims.getJWTID());
        assertTrue(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime() <= 15 * 60 * 1000);

        Api.Reply jwks = api.get("/api/auth/jwks.json", null);
        assertEquals(200, jwks.status());
        var set = com.nimbusds.jose.jwk.JWKSet.parse(jwks.body());
        assertEquals(Tokens.KID, set.getKeys().get(0).getKeyID());
        assertTrue(set.getKeys().stream().noneMatch(com.nimbusds.jose.jwk.JWK::isPrivate), "no private key material");
        assertFalse(jwks.body().contains("\"d\""));
    }

    @Test
    void onairAdminsMakesAnAdminAndOnlyAdminsReadEveryonesHistory() {
        Broadcaster admin = Broadcaster.admin();
        JsonObject me = api.get("/api/me", admin.token()).json();
        assertTrue(me.getJsonArray("roles").toString().contains("admin"), me::toString);
        assertEquals(200, api.get("/api/admin/logins", admin.token()).status());
        Api.Reply user = api.get("/api/admin/logins", Broadcaster.fresh().token());
        assertEquals(403, user.status());
        assertEquals("forbidden", user.problemType());
        assertEquals(401, api.get("/api/admin/logins", null).status());
    }

    @Test
    void theProvidersOnOfferAreListed() {
        Api.Reply reply = api.get("/api/auth/providers", null);
        assertEquals(200, reply.status());
        assertEquals("[\"kakao\",\"google\",\"lab\",\"gone\",\"gone-oidc\"]", reply.json().getJsonArray("providers").toString(),
                "in configured order; lab and the gone ones are providers added by configuration alone");
    }
}
