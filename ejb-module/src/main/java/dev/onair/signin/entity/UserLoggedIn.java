package dev.onair.signin.entity;

import dev.onair.accounts.entity.AccountSignedIn;

import java.time.Instant;

/**
 * Someone signed in. Fired inside the sign-in transaction: observe it with
 * {@code @Observes(during = AFTER_SUCCESS)} to react only to a sign-in that committed.
 *
 * @param attemptId  unique per sign-in attempt; observers use it to act at most once
 * @param newAccount whether this sign-in created the account
 */
public record UserLoggedIn(String attemptId, String accountId, String provider, boolean newAccount,
                           Client client, Instant at) implements AccountSignedIn {
}
