/**
 * The signed-in account's own view: the account, its login history, its new-device notices and
 * its API clients (made, listed, rotated and revoked by the person only, never by a client).
 */
package dev.onair.api.me;
