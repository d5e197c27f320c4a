package dev.onair.api.me;

import dev.onair.signin.entity.ApiClient;
import dev.onair.signin.entity.ClientSecret;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** An API client as its owner sees it; the secret only in the answer that made it. */
@Schema(name = "ApiClient", example = "{\"id\": \"6f1c1f8e-2a47-4c1e-9d4e-0c6c2b6f9a11\", \"name\": \"Scheduler\", "
        + "\"scopes\": [\"channels:read\", \"channels:write\"], \"createdAt\": \"2026-12-03T10:15:30Z\", "
        + "\"lastUsedAt\": \"2026-12-03T10:16:02Z\"}")
public record ApiClientView(
        @Schema(description = "The client id (client_id at /api/auth/token)")
        String id,
        String name,
        @Schema(description = "What the client may do")
        List<String> scopes,
        Instant createdAt,
        @Schema(description = "When the secret was last replaced", nullable = true)
        Instant secretRotatedAt,
        @Schema(description = "When the client last got a token or used one (recorded at most every few seconds)", nullable = true)
        Instant lastUsedAt,
        @Schema(description = "When it was revoked; a revoked client gets no tokens and its tokens stop working", nullable = true)
        Instant revokedAt,
        @Schema(description = "The secret (client_secret): in the answer to creating the client or rotating its secret "
                + "only; it cannot be read again", nullable = true)
        String secret) {

    static ApiClientView of(ApiClient client) {
        return of(client, null);
    }

    static ApiClientView of(ClientSecret made) {
        return of(made.client(), made.secret());
    }

    private static ApiClientView of(ApiClient client, String secret) {
        return new ApiClientView(client.id(), client.name(), client.scopes(), client.createdAt(), client.secretRotatedAt(),
                client.lastUsedAt(), client.revokedAt(), secret);
    }

    @Override
    public String toString() {
        return "ApiClientView[id=" + id + "]";
    }
}
