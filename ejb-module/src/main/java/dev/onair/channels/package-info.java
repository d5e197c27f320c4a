/**
 * Owns channels: one channel is one broadcast, from CREATED through LIVE and RECONNECTING to
 * ENDED. {@link dev.onair.channels.boundary.ChannelLifecycle} is the only code that changes a
 * channel's state: it locks the row, journals the transition ({@code stream_event}) and fires the
 * {@link dev.onair.channels.entity.StreamEvent} (StreamStarted, StreamInterrupted, StreamResumed,
 * StreamEnded) in the same transaction, so observers that declare {@code AFTER_SUCCESS} hear of
 * committed transitions only, once each, in order per channel. Ingest decides when a publish
 * moves a channel; this component knows nothing of nginx. A broadcaster has at most one
 * unfinished channel; the database enforces it (UNIQUE on {@code open_owner_id}), so the rule
 * holds under concurrent requests and across nodes. Who may see a channel is decided in one place,
 * {@link dev.onair.channels.boundary.ChannelAccess}: a private channel is for its broadcaster, the
 * admins, the accounts allowed and the holder of its share link, and does not exist for anyone else.
 * Why a broadcast was interrupted or ended is an enum carried by the event
 * ({@link dev.onair.channels.entity.InterruptionReason}, {@link dev.onair.channels.entity.EndReason});
 * its code is what the journal and the API show. The reconnect window and the longest broadcast are
 * this component's own settings ({@code onair.channels.*}, {@link dev.onair.channels.control.ChannelConfig}).
 */
package dev.onair.channels;
