package dev.onair.signin.entity;

/**
 * What a sign-in or a refresh hands out: an access token (a JWT for {@code Authorization: Bearer})
 * valid for {@code expiresIn} seconds, and the next refresh token with its own lifetime.
 * {@link #toString()} shows neither secret.
 */
public record IssuedTokens(String accountId, String accessToken, long expiresIn, String refreshToken,
                           long refreshExpiresIn) {

    @Override
    public String toString() {
        return "IssuedTokens[accountId=" + accountId + ", expiresIn=" + expiresIn + "]";
    }
}
