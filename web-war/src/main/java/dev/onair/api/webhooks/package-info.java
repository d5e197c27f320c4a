/** Webhook subscriptions over HTTP: receivers of the feed's events, their deliveries and dead letters. */
package dev.onair.api.webhooks;
