package dev.onair.signin.entity;

import java.time.Instant;

/**
 * A sign-in attempt was refused or broke. Fired outside any transaction of the sign-in, so a
 * plain {@code @Observes} sees it even though nothing else of the attempt was stored.
 *
 * @param reason    the stable problem type of the refusal ({@code sign-in-state-invalid}, ...)
 * @param accountId the account concerned when one was already known, else null
 */
public record LoginFailed(String attemptId, String provider, String reason, String accountId,
                          Client client, Instant at) {
}
