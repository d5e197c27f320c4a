/**
 * MicroProfile Health probes, one class per probe: {@code /health/started} once the schema is
 * migrated, {@code /health/live} while the process can serve, {@code /health/ready} while the
 * database answers, nginx-rtmp takes publishes and the HLS sync keeps up, each asked of its
 * component's boundary. Checks
 * are cheap and time-bounded: an orchestrator calls them every few seconds.
 */
package dev.onair.health;
