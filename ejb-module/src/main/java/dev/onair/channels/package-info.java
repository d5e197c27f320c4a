/**
 * Owns channels: one channel is one broadcast, from CREATED through LIVE and RECONNECTING to
 * ENDED. {@link dev.onair.channels.boundary.ChannelLifecycle} is the only code that changes a
 * channel's state, and it fires the channel events after the change commits. A broadcaster has
 * at most one unfinished channel; the database enforces it (UNIQUE on {@code open_owner_id}),
 * so the rule holds under concurrent requests and across nodes.
 */
package dev.onair.channels;
