package dev.onair.webhooks.control;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What OnAir signs, a receiver verifies with the specification's library: with either secret during a rotation's overlap. */
class SignaturesTest {

    private static final String BODY = "{\"type\":\"stream.started\",\"timestamp\":\"2026-12-03T10:00:00Z\",\"data\":{}}";

    private static Map<String, List<String>> asReceived(Map<String, String> headers) {
        return headers.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
    }

    @Test
    void aReceiverVerifiesWithTheSecretAndNothingElse() {
        String secret = Signatures.newSecret();
        assertTrue(secret.startsWith("whsec_"));
        assertNotEquals(secret, Signatures.newSecret());
        Map<String, String> headers = Signatures.headers("0b7e7f43-5a43-4f0e-8f4e-2b8f1c1d9a10", Instant.now(), BODY, List.of(secret));
        assertEquals("0b7e7f43-5a43-4f0e-8f4e-2b8f1c1d9a10", headers.get("webhook-id"));
        assertTrue(headers.get("webhook-signature").startsWith("v1,"));
        assertDoesNotThrow(() -> new Webhook(secret).verify(BODY, asReceived(headers)));
        assertThrows(WebhookVerificationException.class, () -> new Webhook(Signatures.newSecret()).verify(BODY, asReceived(headers)));
        assertThrows(WebhookVerificationException.class, () -> new Webhook(secret).verify(BODY + " ", asReceived(headers)));
    }

    @Test
    void duringARotationEitherSecretVerifies() {
        String current = Signatures.newSecret();
        String previous = Signatures.newSecret();
        Map<String, String> headers = Signatures.headers("id-1", Instant.now(), BODY, List.of(current, previous));
        assertEquals(2, headers.get("webhook-signature").split(" ").length);
        assertDoesNotThrow(() -> new Webhook(current).verify(BODY, asReceived(headers)));
        assertDoesNotThrow(() -> new Webhook(previous).verify(BODY, asReceived(headers)));
    }
}
