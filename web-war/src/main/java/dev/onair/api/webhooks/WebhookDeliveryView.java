package dev.onair.api.webhooks;

import dev.onair.webhooks.boundary.Webhooks;
import dev.onair.webhooks.entity.WebhookAttempt;
import dev.onair.webhooks.entity.WebhookDelivery;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** One delivery of a subscription with every attempt. */
@Schema(name = "WebhookDelivery", example = "{\"id\": \"8a6b1d0e-0c4f-4f7b-8d6e-5b3f2a1c0d99\", \"sequence\": 42, "
        + "\"eventId\": \"0b7e7f43-5a43-4f0e-8f4e-2b8f1c1d9a10\", \"type\": \"stream.started\", "
        + "\"channelId\": \"6f1c1f8e-2a47-4c1e-9d4e-0c6c2b6f9a11\", \"state\": \"DELIVERED\", \"createdAt\": \"2026-12-03T10:15:30Z\", "
        + "\"nextAttemptAt\": \"2026-12-03T10:15:30Z\", \"finishedAt\": \"2026-12-03T10:15:31Z\", \"attempts\": [{\"at\": "
        + "\"2026-12-03T10:15:30Z\", \"status\": 503, \"latencyMillis\": 12, \"error\": \"HTTP 503\"}, {\"at\": \"2026-12-03T10:15:31Z\", "
        + "\"status\": 200, \"latencyMillis\": 9, \"error\": null}]}")
public record WebhookDeliveryView(
        String id,
        @Schema(description = "The event's sequence in the feed")
        long sequence,
        @Schema(description = "The event's id: the webhook-id header of every attempt")
        String eventId,
        String type,
        @Schema(nullable = true)
        String channelId,
        @Schema(description = "PENDING (being tried), DELIVERED (a 2xx came), DEAD (given up after the retry period: a dead letter)")
        String state,
        Instant createdAt,
        @Schema(description = "When it is tried next, while PENDING")
        Instant nextAttemptAt,
        @Schema(nullable = true)
        Instant finishedAt,
        List<Attempt> attempts) {

    /** One try. */
    @Schema(name = "WebhookAttempt", example = "{\"at\": \"2026-12-03T10:15:30Z\", \"status\": 503, \"latencyMillis\": 12, \"error\": \"HTTP 503\"}")
    public record Attempt(Instant at,
                          @Schema(description = "The receiver's HTTP status; null when none came", nullable = true) Integer status,
                          long latencyMillis,
                          @Schema(description = "What went wrong (timed out, connection refused, address not allowed, HTTP 500, "
                                  + "redirect not followed)", nullable = true) String error) {

        static Attempt of(WebhookAttempt attempt) {
            return new Attempt(attempt.at(), attempt.status(), attempt.latencyMillis(), attempt.error());
        }
    }

    static WebhookDeliveryView of(Webhooks.DeliveryRecord record) {
        WebhookDelivery d = record.delivery();
        return new WebhookDeliveryView(d.id(), d.sequence(), d.eventId(), d.eventType(), d.channelKey().isEmpty() ? null : d.channelKey(),
                d.state().name(), d.createdAt(), d.nextAttemptAt(), d.finishedAt(), record.attempts().stream().map(Attempt::of).toList());
    }

    static WebhookDeliveryView of(WebhookDelivery d) {
        return of(new Webhooks.DeliveryRecord(d, List.of()));
    }
}
