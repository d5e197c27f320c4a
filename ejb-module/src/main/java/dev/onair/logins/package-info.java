/**
 * Owns the login history and its notices. It learns of sign-ins only through the
 * {@code UserLoggedIn} and {@code LoginFailed} events of {@code dev.onair.signin} and is never
 * called by the sign-in code: successes are recorded after their transaction committed,
 * failures at once in a transaction of their own. The history is kept for
 * {@code onair.logins.retention} and then purged ({@link dev.onair.logins.boundary.HistoryRetention});
 * whether it is recorded at all, the retention and the purge interval are read through
 * {@link dev.onair.logins.control.LoginConfig}.
 */
package dev.onair.logins;
