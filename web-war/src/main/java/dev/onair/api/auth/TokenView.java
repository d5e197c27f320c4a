package dev.onair.api.auth;

import dev.onair.signin.entity.IssuedTokens;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Tokens as the API hands them out. */
@Schema(name = "Tokens", example = "{\"accessToken\": \"eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCJ9...\", \"tokenType\": \"Bearer\", "
        + "\"expiresIn\": 900, \"accountId\": \"0b7e7f43-5a43-4f0e-8f4e-2b8f1c1d9a10\"}")
public record TokenView(
        @Schema(description = "The access token for Authorization: Bearer; an RS256 JWT")
        String accessToken,
        @Schema(description = "Always Bearer")
        String tokenType,
        @Schema(description = "Seconds the access token is valid for (at most 900)")
        long expiresIn,
        @Schema(description = "The account the tokens are for")
        String accountId,
        @Schema(description = "The next refresh token (JSON form only; browsers keep it in an HttpOnly cookie)", nullable = true)
        String refreshToken,
        @Schema(description = "Seconds the refresh token is valid for (JSON form only)", nullable = true)
        Long refreshExpiresIn,
        @Schema(description = "Where the sign-in was to return to (sign-in callback only)", nullable = true)
        String returnTo) {

    static TokenView of(IssuedTokens tokens) {
        return new TokenView(tokens.accessToken(), "Bearer", tokens.expiresIn(), tokens.accountId(), null, null, null);
    }

    static TokenView withRefreshToken(IssuedTokens tokens, String returnTo) {
        return new TokenView(tokens.accessToken(), "Bearer", tokens.expiresIn(), tokens.accountId(), tokens.refreshToken(),
                tokens.refreshExpiresIn(), returnTo);
    }
}
