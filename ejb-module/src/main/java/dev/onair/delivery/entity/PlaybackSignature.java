package dev.onair.delivery.entity;

import java.time.Instant;
import java.util.Map;

/** A CDN signature over a private channel's folder, as a query string and as CloudFront's three cookies. */
public record PlaybackSignature(String query, Map<String, String> cookies, Instant expiresAt) {
}
