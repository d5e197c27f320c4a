package dev.onair.webhooks.control;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Standard Webhooks headers, signed by the specification's own library: {@code webhook-id} (the
 * feed event's id: the same on every retry, so a receiver drops duplicates by it),
 * {@code webhook-timestamp} (this try's time, in seconds) and {@code webhook-signature}
 * ({@code v1,} HMAC-SHA256 of id, timestamp and body; during a secret's rotation overlap, one
 * signature per secret, space-separated, and a receiver with either secret verifies it).
 */
public final class Signatures {

    /** The prefix of a Standard Webhooks secret. */
    public static final String SECRET_PREFIX = "whsec_";
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Signatures() {
    }

    /** A new secret: 32 random bytes, base64, behind the specification's prefix. */
    public static String newSecret() {
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    public static Map<String, String> headers(String messageId, Instant at, String body, List<String> secrets) {
        long timestamp = at.getEpochSecond();
        String signatures = secrets.stream().map(secret -> sign(secret, messageId, timestamp, body)).collect(Collectors.joining(" "));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", messageId);
        headers.put("webhook-timestamp", String.valueOf(timestamp));
        headers.put("webhook-signature", signatures);
        return headers;
    }

    private static String sign(String secret, String messageId, long timestamp, String body) {
        try {
            return new Webhook(secret).sign(messageId, timestamp, body);
        } catch (WebhookSigningException e) {
            throw new IllegalStateException("signing a webhook failed", e);
        }
    }
}
