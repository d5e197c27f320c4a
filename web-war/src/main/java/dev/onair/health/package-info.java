/**
 * MicroProfile Health probes, one class per probe: {@code /health/started} once the schema is
 * migrated, {@code /health/live} while the process can serve, {@code /health/ready} while the
 * database answers and nginx-rtmp takes publishes (S3 joins them with its component). Checks
 * are cheap and time-bounded: an orchestrator calls them every few seconds.
 */
package dev.onair.health;
