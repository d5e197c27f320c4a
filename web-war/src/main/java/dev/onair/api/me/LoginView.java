package dev.onair.api.me;

import dev.onair.logins.entity.LoginAttempt;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One sign-in attempt as its owner (or an admin) sees it. */
@Schema(name = "Login", example = "{\"id\": \"9d2a7c41-3b6e-4f0a-8c1d-5e2f4a6b7c80\", \"accountId\": \"0b7e7f43-5a43-4f0e-8f4"
        + "e-2b8f1c1d9a10\", \"at\": \"2026-12-03T10:00:00Z\", \"provider\": \"kakao\", \"ip\": \"203"
        + ".0.113.7\", \"outcome\": \"SUCCESS\"}")
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
