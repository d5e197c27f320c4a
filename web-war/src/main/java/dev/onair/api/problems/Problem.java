package dev.onair.api.problems;

import dev.onair.shared.FieldError;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The shape of every error response; documentation for the OpenAPI schema. */
@Schema(name = "Problem", example = "{\"type\": \"urn:onair:problem:invalid-request\", \"title\": \"Invalid request\", \"status"
        + "\": 400, \"detail\": \"title: 1 to 100 characters\", \"instance\": \"/api/studio/channels\""
        + ", \"errors\": [{\"field\": \"title\", \"message\": \"1 to 100 characters\"}]}", description = "RFC 9457 problem details")
public record Problem(
        @Schema(description = "Stable identifier of the kind of error", example = "urn:onair:problem:invalid-request")
        String type,
        @Schema(description = "Short summary of the kind of error", example = "The request is not valid")
        String title,
        @Schema(description = "HTTP status", example = "400")
        int status,
        @Schema(description = "What went wrong with this request", example = "title: must not be blank")
        String detail,
        @Schema(description = "The request path", example = "/api/studio/channels")
        String instance,
        @Schema(description = "The offending fields (400 only)")
        List<FieldError> errors,
        @Schema(description = "The channel concerned (open-channel-exists, illegal-transition)")
        String channelId) {
}
