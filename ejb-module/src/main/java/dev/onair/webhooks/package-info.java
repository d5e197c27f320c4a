/**
 * Webhooks: the feed's events POSTed to integrators' receivers, signed by the Standard Webhooks
 * specification. Subscriptions turn feed events into deliveries ({@link dev.onair.webhooks.boundary.WebhookRecords}),
 * which {@link dev.onair.webhooks.boundary.WebhookDispatcher} sends at least once, a channel's in
 * the feed's order, retried with backoff for the retry period and then kept as dead letters; every
 * attempt is recorded. State is in the database, so deliveries survive restarts and several nodes
 * share them under leases. Outbound connections go only where {@link dev.onair.webhooks.control.OutboundGuard}
 * allows. Webhooks depend on the feed (and on channels and accounts); nothing depends on webhooks.
 */
package dev.onair.webhooks;
