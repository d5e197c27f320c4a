package dev.onair.accounts.entity;

/** The account a sign-in resolved to, and whether this sign-in created it. */
public record SignedInAccount(Account account, boolean created) {
}
