package dev.onair.api.webhooks;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many dead letters were sent again. */
@Schema(name = "Redelivery", example = "{\"redelivered\": 3}")
public record RedeliveryView(@Schema(description = "Dead letters now pending again, in the feed's order") int redelivered) {
}
