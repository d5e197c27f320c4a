/**
 * Channels as the public and their owners see them: listing, one channel, editing and ending.
 * Views carry no secret of any kind; ending goes through the lifecycle EJB, so the same rules
 * apply as when ingest ends a channel.
 */
package dev.onair.api.channels;
