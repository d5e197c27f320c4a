package dev.onair.api.webhooks;

import dev.onair.api.JsonBody;
import dev.onair.webhooks.entity.WebhookSubscription;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.InputStream;
import java.util.List;
import java.util.Set;

/** The body of {@code POST /api/webhooks}. */
@Schema(name = "NewWebhook", example = "{\"url\": \"https://hooks.example.com/onair\", \"types\": [\"stream.started\", \"stream.ended\", "
        + "\"replay.ready\"]}")
public record NewWebhook(
        @Schema(description = "Where to POST: https (http only where the operator allows it); its host must resolve to public "
                + "addresses only", required = true, maxLength = WebhookSubscription.URL_MAX)
        String url,
        @Schema(description = "The feed types to deliver (GET /api/events lists them); none or empty: all")
        List<String> types,
        @Schema(description = "Only this channel's events (one of the caller's)", nullable = true)
        String channelId) {

    static final Set<String> FIELDS = Set.of("url", "types", "channelId");

    static NewWebhook read(InputStream in) {
        JsonBody body = JsonBody.read(in, FIELDS);
        String url = body.text("url").orElse(null);
        List<String> types = body.texts("types").orElse(List.of());
        String channelId = body.text("channelId").orElse(null);
        return body.build(() -> new NewWebhook(url, types, channelId));
    }
}
