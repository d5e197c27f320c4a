package dev.onair.webhooks.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookDeliveryTest {

    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");
    private static final Duration RETRY = Duration.ofHours(24);

    @Test
    void failuresWaitThenDieAtTheEndOfTheRetryPeriodAndADeadLetterGoesAgain() {
        WebhookDelivery delivery = new WebhookDelivery("s", 7, "e", "stream.started", null, AT);
        assertEquals("", delivery.channelKey(), "events of no channel have their own order");
        delivery.failed(AT, AT.plusSeconds(5), AT.plus(RETRY));
        assertEquals(WebhookDelivery.State.PENDING, delivery.state());
        assertEquals(AT.plusSeconds(5), delivery.nextAttemptAt());
        delivery.failed(AT.plus(RETRY).minusSeconds(1), AT.plus(RETRY).plusSeconds(1), AT.plus(RETRY));
        assertEquals(WebhookDelivery.State.DEAD, delivery.state(), "a next try past the retry period is none");
        assertEquals(2, delivery.attempts());
        delivery.redeliver(AT.plus(RETRY));
        assertEquals(WebhookDelivery.State.PENDING, delivery.state());
        assertEquals(AT.plus(RETRY), delivery.createdAt(), "a new retry period");
        assertNull(delivery.finishedAt());
        delivery.delivered(AT.plus(RETRY).plusSeconds(1));
        assertEquals(WebhookDelivery.State.DELIVERED, delivery.state());
        assertFalse(delivery.leasedBy("node"));
    }

    @Test
    void aSubscriptionFailingForTheDisablePeriodIsDisabledOnceAndASuccessClearsIt() {
        WebhookSubscription subscription = new WebhookSubscription("owner", false, "https://hooks.example.com/", List.of(), null,
                "whsec_a", 0, AT);
        Duration disableAfter = Duration.ofHours(24);
        assertFalse(subscription.failed(AT, disableAfter));
        subscription.succeeded(AT.plusSeconds(10));
        assertNull(subscription.failingSince());
        assertFalse(subscription.failed(AT.plusSeconds(20), disableAfter));
        assertTrue(subscription.failed(AT.plusSeconds(20).plus(disableAfter), disableAfter));
        assertFalse(subscription.enabled());
        assertFalse(subscription.failed(AT.plusSeconds(30).plus(disableAfter), disableAfter), "told once");
        subscription.enable();
        assertTrue(subscription.enabled());
    }

    @Test
    void aRotatedSecretSignsBesideTheNewOneDuringTheOverlap() {
        WebhookSubscription subscription = new WebhookSubscription("owner", false, "https://hooks.example.com/", List.of(), null,
                "whsec_old", 0, AT);
        subscription.rotate("whsec_new", Duration.ofHours(1), AT);
        assertEquals(List.of("whsec_new", "whsec_old"), subscription.signingSecrets(AT.plusSeconds(60)));
        assertEquals(List.of("whsec_new"), subscription.signingSecrets(AT.plus(Duration.ofHours(1))));
    }
}
