package dev.onair.signin.control;

import dev.onair.shared.ConfigFixture;
import dev.onair.shared.NodeConfig;
import dev.onair.signin.entity.SignInRefused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SignInPolicyTest {

    private final SignInPolicy policy = new SignInPolicy();

    SignInPolicyTest() {
        policy.settings = ConfigFixture.bind(SignInConfig.class, Map.of(
                "onair.auth.redirect-uris", "https://onair.example/api/auth/kakao/callback, https://onair.example/api/auth/google/callback",
                "onair.auth.return-to-origins", "https://studio.onair.example/"));
        policy.node = ConfigFixture.bind(NodeConfig.class, Map.of());
    }

    @Test
    void theCallbackAddressMustBeListedExactly() {
        assertEquals(URI.create("https://onair.example/api/auth/kakao/callback"),
                policy.redirectUri(URI.create("https://onair.example/api/"), "kakao"));
        assertEquals(URI.create("https://onair.example/api/auth/google/callback"),
                policy.redirectUri(URI.create("https://onair.example/api/"), "google"));
        for (String base : List.of("http://onair.example/api/", "https://onair.example:8443/api/", "https://evil.example/api/",
                "https://onair.example.evil.example/api/")) {
            SignInRefused refused = assertThrows(SignInRefused.class, () -> policy.redirectUri(URI.create(base), "kakao"), base);
            assertEquals("redirect-uri-not-allowed", refused.type());
        }
    }

    @Test
    void withoutAListEveryProvidersCallbackOnThisMachineIsAllowed() {
        SignInPolicy local = new SignInPolicy();
        local.settings = ConfigFixture.bind(SignInConfig.class, Map.of());
        local.node = ConfigFixture.bind(NodeConfig.class, Map.of("onair.http.port", "9080", "onair.https.port", "9443"));
        for (String provider : List.of("kakao", "google", "local", "corp-sso")) {
            for (String base : List.of("http://localhost:9080/api/", "http://127.0.0.1:9080/api/", "https://localhost:9443/api/")) {
                assertEquals(URI.create(base + "auth/" + provider + "/callback"), local.redirectUri(URI.create(base), provider));
            }
        }
        for (String base : List.of("http://onair.example/api/", "http://localhost:9081/api/", "http://localhost.evil.example:9080/api/",
                "https://localhost:9080/api/", "http://192.0.2.2:9080/api/")) {
            SignInRefused refused = assertThrows(SignInRefused.class, () -> local.redirectUri(URI.create(base), "local"), base);
            assertEquals("redirect-uri-not-allowed", refused.type());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/studio", "/channels/42?tab=chat#top", "https://studio.onair.example/after",
            "https://STUDIO.onair.example/x"})
    void pathsOnOnAirAndAllowedOriginsMayBeReturnedTo(String returnTo) {
        assertEquals(returnTo, policy.returnTo(returnTo));
    }

    @Test
    void noReturnAddressMeansHome() {
        assertEquals("/", policy.returnTo(null));
        assertEquals("/", policy.returnTo(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example/", "/\\evil.example", "\\\\evil.example",
            "javascript:alert(1)", "data:text/html,x", "https://studio.onair.example@evil.example/",
            "https://user@studio.onair.example/", "http://studio.onair.example/", "https://studio.onair.example:444/",
            "/a b", "/tab\tx", "relative/path", "https:///nohost"})
    void everythingElseIsRefused(String returnTo) {
        SignInRefused refused = assertThrows(SignInRefused.class, () -> policy.returnTo(returnTo), returnTo);
        assertEquals("return-to-not-allowed", refused.type());
    }

    @Test
    void overlongReturnAddressesAreRefused() {
        assertThrows(SignInRefused.class, () -> policy.returnTo("/" + "a".repeat(SignInPolicy.RETURN_TO_MAX)));
    }
}
