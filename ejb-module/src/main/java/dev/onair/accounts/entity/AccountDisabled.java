package dev.onair.accounts.entity;

import java.time.Instant;

/**
 * An admin disabled an account. Fired inside that transaction: observers that must take the
 * account's access away with it (its sessions, its broadcast) observe it there, so that all of it
 * commits at once or not at all.
 */
public record AccountDisabled(String accountId, String byAccountId, Instant at) {
}
