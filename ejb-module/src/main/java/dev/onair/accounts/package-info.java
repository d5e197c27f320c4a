/**
 * Owns accounts: who a broadcaster or viewer is, their display name, avatar and roles.
 * An account's id is the {@code sub} of every OnAir access token; a verified token whose
 * subject has no account yet gets one on its first call ({@link dev.onair.accounts.boundary.Accounts#ensure}),
 * so there is never a sign-up form.
 */
package dev.onair.accounts;
