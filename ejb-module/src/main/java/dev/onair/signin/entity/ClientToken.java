package dev.onair.signin.entity;

import java.util.List;

/**
 * What the client-credentials grant hands out: an access token for {@code expiresIn} seconds
 * with its scopes; no refresh token (RFC 6749 section 4.4.3: the client asks again).
 * {@link #toString()} does not show the token.
 */
public record ClientToken(String clientId, String accessToken, long expiresIn, List<String> scopes) {

    @Override
    public String toString() {
        return "ClientToken[client=" + clientId + ", expiresIn=" + expiresIn + ", scopes=" + scopes + "]";
    }
}
