package dev.onair.api.channels;

import dev.onair.delivery.entity.PlaybackSignature;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;

/** The CDN signature of a private channel's URLs, for players that fetch playlists and segments themselves. */
@Schema(name = "PlaybackSignature", example = "{\"query\": \"Policy=eyJTdGF0ZW1lbnQiOlt7...&Signature=Nql6...&Key-Pair-Id=K2JCJMDEHXQW5F\""
        + ", \"cookies\": {\"CloudFront-Policy\": \"eyJTdGF0ZW1lbnQiOlt7...\", \"CloudFront-Signature"
        + "\": \"Nql6...\", \"CloudFront-Key-Pair-Id\": \"K2JCJMDEHXQW5F\"}, \"expiresAt\": \"2026-12"
        + "-03T11:00:00Z\"}", description = "A CloudFront custom-policy signature over the channel's folder: "
        + "append query to every playlist and segment request, or set the cookies for the CDN's domain.")
public record SignatureView(
        @Schema(description = "Policy=...&Signature=...&Key-Pair-Id=...") String query,
        @Schema(description = "CloudFront-Policy, CloudFront-Signature, CloudFront-Key-Pair-Id") Map<String, String> cookies,
        @Schema(description = "When the signature stops working; ask for the channel again before") Instant expiresAt) {

    static SignatureView of(PlaybackSignature signature) {
        return signature == null ? null : new SignatureView(signature.query(), signature.cookies(), signature.expiresAt());
    }
}
