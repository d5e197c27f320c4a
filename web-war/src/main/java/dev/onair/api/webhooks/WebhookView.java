package dev.onair.api.webhooks;

import dev.onair.webhooks.boundary.Webhooks;
import dev.onair.webhooks.entity.WebhookSubscription;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A webhook subscription as its owner sees it; the secret only in the answers that make or rotate it. */
@Schema(name = "Webhook", example = "{\"id\": \"3d0c2f7a-7a51-4b7e-9a57-0f5b2b8f0c11\", \"url\": \"https://hooks.example.com/onair\", "
        + "\"types\": [\"stream.started\", \"stream.ended\"], \"channelId\": null, \"enabled\": true, \"disabledReason\": null, "
        + "\"failingSince\": null, \"lastSuccessAt\": \"2026-12-03T10:16:02Z\", \"createdAt\": \"2026-12-03T10:15:30Z\", "
        + "\"previousSecretUntil\": null}")
public record WebhookView(
        String id,
        String url,
        @Schema(description = "The feed types it receives; empty: all")
        List<String> types,
        @Schema(description = "The one channel it receives events of", nullable = true)
        String channelId,
        @Schema(description = "False once its deliveries failed for onair.webhooks.disable-after (24 h) without a success; "
                + "deliveries wait until it is enabled again")
        boolean enabled,
        @Schema(nullable = true)
        String disabledReason,
        @Schema(description = "Since when its deliveries fail without a success in between", nullable = true)
        Instant failingSince,
        @Schema(nullable = true)
        Instant lastSuccessAt,
        Instant createdAt,
        @Schema(description = "After a rotation: until when the previous secret signs beside the new one", nullable = true)
        Instant previousSecretUntil,
        @Schema(description = "The signing secret (whsec_..., for any Standard Webhooks library): in the answer to creating "
                + "the subscription or rotating its secret only", nullable = true)
        String secret) {

    static WebhookView of(WebhookSubscription subscription) {
        return of(subscription, null);
    }

    static WebhookView of(Webhooks.WithSecret made) {
        return of(made.subscription(), made.secret());
    }

    private static WebhookView of(WebhookSubscription s, String secret) {
        Instant now = Instant.now();
        return new WebhookView(s.id(), s.url(), s.types(), s.channelId(), s.enabled(), s.disabledReason(), s.failingSince(),
                s.lastSuccessAt(), s.createdAt(), s.previousSecretUntil(now).orElse(null), secret);
    }

    @Override
    public String toString() {
        return "WebhookView[id=" + id + "]";
    }
}
