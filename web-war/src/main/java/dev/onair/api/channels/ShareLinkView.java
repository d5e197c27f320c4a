package dev.onair.api.channels;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A private channel's share link; {@code token} and {@code url} only in the answer that made it. */
@Schema(name = "ShareLink", example = "{\"token\": \"sl_Yp3kq...\", \"url\": \"https://onair.example/watch/6f1c1f8e-2a47-4c1e-9d4"
        + "e-0c6c2b6f9a11?share=sl_Yp3kq...\", \"createdAt\": \"2026-12-03T10:00:00Z\"}")
public record ShareLinkView(
        @Schema(description = "Whoever holds it may watch: pass it as share to GET /api/channels/{id} and its replay. "
                + "Shown once; only its hash is kept.", nullable = true) String token,
        @Schema(description = "The channel's page with the token, to hand to viewers", nullable = true) String url,
        Instant createdAt) {

    @Override
    public String toString() {
        return "ShareLinkView[createdAt=" + createdAt + "]";
    }
}
