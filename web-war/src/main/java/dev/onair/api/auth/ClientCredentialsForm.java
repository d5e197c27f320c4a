package dev.onair.api.auth;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The token endpoint's form (application/x-www-form-urlencoded), for the OpenAPI document. */
@Schema(name = "ClientCredentialsForm", requiredProperties = "grant_type",
        example = "{\"grant_type\": \"client_credentials\", \"scope\": \"channels:read\"}")
public record ClientCredentialsForm(
        @JsonbProperty("grant_type") @Schema(description = "client_credentials", enumeration = "client_credentials")
        String grantType,
        @Schema(description = "Space-separated scopes, some of the client's; absent: all of them", nullable = true)
        String scope,
        @JsonbProperty("client_id") @Schema(description = "The client's id (client_secret_post; or use HTTP Basic)", nullable = true)
        String clientId,
        @JsonbProperty("client_secret") @Schema(description = "The client's secret (client_secret_post; or use HTTP Basic)", nullable = true)
        String clientSecret) {
}
