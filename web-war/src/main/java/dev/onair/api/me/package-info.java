/** The signed-in account's own view: the account, its login history and its new-device notices. */
package dev.onair.api.me;
