package dev.onair.signin.control;

import dev.onair.accounts.entity.Profile;
import dev.onair.signin.entity.SignInRefused;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading Kakao's /v2/user/me answer, in the shapes Kakao documents. */
class KakaoProviderTest {

    private final KakaoProvider kakao = new KakaoProvider(new ProviderSettings("kakao", ProviderSettings.Protocol.KAKAO,
            "client", Optional.empty(), List.of("profile_nickname", "account_email"), null,
            URI.create("https://kauth.kakao.com/oauth/authorize"), URI.create("https://kauth.kakao.com/oauth/token"),
            URI.create("https://kapi.kakao.com/v2/user/me"), List.of(), ProviderSettings.NAME_CLAIMS, Duration.ofSeconds(1),
            Duration.ofSeconds(1)));

    @Test
    void aFullProfileGivesIdNicknameImageAndVerifiedEmail() {
        Profile profile = kakao.parse("""
                {"id":4015555555,"connected_at":"2026-11-01T09:00:00Z",
                 "kakao_account":{"profile":{"nickname":"방송인","profile_image_url":"https://k.kakaocdn.net/p.jpg"},
                 "has_email":true,"email_needs_agreement":false,"is_email_valid":true,"is_email_verified":true,
                 "email":"bj@kakao.com"}}""");
        assertEquals(new Profile("kakao", "4015555555", "방송인", "bj@kakao.com", "https://k.kakaocdn.net/p.jpg"), profile);
    }

    @Test
    void emailIsTakenOnlyWhenSharedValidAndVerified() {
        assertNull(kakao.parse("{\"id\":1,\"kakao_account\":{\"has_email\":true,\"email_needs_agreement\":true}}").email());
        assertNull(kakao.parse("{\"id\":1,\"kakao_account\":{\"is_email_valid\":true,\"is_email_verified\":false,\"email\":\"x@y\"}}").email());
        assertNull(kakao.parse("{\"id\":1,\"kakao_account\":{\"is_email_valid\":false,\"is_email_verified\":true,\"email\":\"x@y\"}}").email());
    }

    @Test
    void aProfileWithoutAccountDetailsStillNamesTheUser() {
        Profile profile = kakao.parse("{\"id\":77}");
        assertEquals("77", profile.subject());
        assertNull(profile.displayName());
    }

    @Test
    void nonsenseIsAProviderAnswerRefusal() {
        for (String body : List.of("", "[]", "{\"id\":\"12\"}", "{\"id\":1.5}", "{\"kakao_account\":{}}", "{\"id\":", "<html>")) {
            SignInRefused refused = assertThrows(SignInRefused.class, () -> kakao.parse(body), body);
            assertEquals("provider-answer-invalid", refused.type(), body);
        }
    }

    @Test
    void theAuthorizationAddressCarriesPkceStateAndCommaSeparatedScopes() {
        URI uri = kakao.authorizationUri("state-1", "nonce-1", "v".repeat(43), URI.create("https://onair.example/api/auth/kakao/callback"));
        String query = uri.getRawQuery();
        assertTrue(uri.toString().startsWith("https://kauth.kakao.com/oauth/authorize?"), uri::toString);
        for (String part : List.of("response_type=code", "client_id=client", "state=state-1", "code_challenge_method=S256",
                "scope=profile_nickname%2Caccount_email", "redirect_uri=https%3A%2F%2Fonair.example%2Fapi%2Fauth%2Fkakao%2Fcallback")) {
            assertTrue(query.contains(part), part + " in " + query);
        }
        assertTrue(!query.contains("nonce"), "Kakao's OAuth API takes no nonce");
    }
}
