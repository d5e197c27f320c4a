package dev.onair.api.me;

import dev.onair.logins.entity.LoginAttempt;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One sign-in attempt as its owner (or an admin) sees it. */
@Schema(name = "Login")
public record LoginView(String id,
                        @Schema(description = "Null for failed attempts made before an account was known", nullable = true)
                        String accountId,
                        Instant at, String provider,
                        @Schema(nullable = true) String ip,
                        @Schema(description = "The User-Agent", nullable = true) String device,
                        @Schema(enumeration = {"SUCCESS", "FAILURE"}) String outcome,
                        @Schema(description = "Why it failed: the problem type (sign-in-state-invalid, ...)", nullable = true)
                        String reason) {

    public static LoginView of(LoginAttempt attempt) {
        return new LoginView(attempt.id(), attempt.accountId(), attempt.attemptedAt(), attempt.provider(), attempt.ip(),
                attempt.userAgent(), attempt.outcome().name(), attempt.reason());
    }
}
