/** The event feed over HTTP: numbered events of the caller's channels, read after the last number seen. */
package dev.onair.api.events;
