package dev.onair.api;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenTypeTest {

    private static String jwt(String header) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString("{}".getBytes()) + ".sig";
    }

    @Test
    void accessTokensDeclareTheirType() {
        assertTrue(TokenType.isAccessToken(jwt("{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"k\"}")));
        assertTrue(TokenType.isAccessToken(jwt("{\"alg\":\"RS256\",\"typ\":\"AT+JWT\"}")));
        assertTrue(TokenType.isAccessToken(jwt("{\"alg\":\"RS256\",\"typ\":\"application/at+jwt\"}")));
    }

    @Test
    void anythingElseIsNotAnAccessToken() {
        assertFalse(TokenType.isAccessToken(jwt("{\"alg\":\"RS256\"}")), "no typ");
        assertFalse(TokenType.isAccessToken(jwt("{\"alg\":\"RS256\",\"typ\":\"JWT\"}")), "an id_token's typ");
        assertFalse(TokenType.isAccessToken(jwt("{\"alg\":\"RS256\",\"typ\":5}")), "typ not a string");
        assertFalse(TokenType.isAccessToken(jwt("[\"at+jwt\"]")), "header not an object");
        assertFalse(TokenType.isAccessToken("garbage"));
        assertFalse(TokenType.isAccessToken("%%%.e30.x"));
        assertFalse(TokenType.isAccessToken(""));
        assertFalse(TokenType.isAccessToken(".e30.x"));
    }
}
