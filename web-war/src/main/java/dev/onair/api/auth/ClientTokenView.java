package dev.onair.api.auth;

import dev.onair.signin.entity.ClientToken;
import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The client-credentials grant's answer, in RFC 6749 section 5.1's names (what OAuth libraries read). */
@Schema(name = "ClientToken", example = "{\"access_token\": \"eyJ0eXAiOiJhdCtqd3QiLCJhbGciOiJSUzI1NiJ9...\", "
        + "\"token_type\": \"Bearer\", \"expires_in\": 600, \"scope\": \"channels:read stream-key:read\"}")
public record ClientTokenView(
        @JsonbProperty("access_token") @Schema(description = "The access token for Authorization: Bearer; an RS256 JWT")
        String accessToken,
        @JsonbProperty("token_type") @Schema(description = "Always Bearer")
        String tokenType,
        @JsonbProperty("expires_in") @Schema(description = "Seconds the access token is valid for (at most 900); then ask again")
        long expiresIn,
        @Schema(description = "The token's scopes, space-separated")
        String scope) {

    static ClientTokenView of(ClientToken token) {
        return new ClientTokenView(token.accessToken(), "Bearer", token.expiresIn(), String.join(" ", token.scopes()));
    }
}
