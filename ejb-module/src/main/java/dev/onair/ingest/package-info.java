/**
 * Owns ingest: the stream keys OBS publishes with (and, later, nginx-rtmp's publish checks).
 * A stream key is {@code <public name>?key=<secret>}; only the public name ever appears in a
 * stream or HLS path. The secret is never stored: the database keeps its SHA-256 (to check a
 * publish in constant time) and a random salt from which the secret is re-derived with an
 * HMAC under a master secret that lives outside the database (to show it again to its owner).
 */
package dev.onair.ingest;
