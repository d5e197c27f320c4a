/**
 * Owns ingest: the stream keys OBS publishes with, nginx-rtmp, and every publish.
 * <ul>
 * <li><b>Stream keys.</b> A stream key is {@code <public name>?key=<secret>}; only the public
 * name ever appears in a stream or HLS path. The secret is never stored: the database keeps its
 * SHA-256 (to check a publish in constant time) and a random salt from which the secret is
 * re-derived with an HMAC under a master secret that lives outside the database (to show it
 * again to its owner). Rotating fires {@link dev.onair.ingest.entity.StreamKeyRotated}.</li>
 * <li><b>nginx-rtmp.</b> {@link dev.onair.ingest.boundary.NginxSupervisor} renders nginx's
 * configuration ({@link dev.onair.ingest.control.NginxConfig}) and, in managed mode, runs nginx on a
 * managed thread, restarts it with backoff and stops it with the application. Encoders reach
 * nginx-rtmp only through nginx's stream module (RTMP and RTMPS, connection limits per address and
 * per listener, the encoder's address passed on with the PROXY protocol). {@link dev.onair.ingest.control.NginxControl} reads its
 * {@code /stat} and drops publishers through {@code /control}.</li>
 * <li><b>Publishes.</b> {@link dev.onair.ingest.boundary.PublishGate} answers nginx's
 * {@code on_publish}, {@code on_update} and {@code on_publish_done}: each accepted publish is a
 * {@link dev.onair.ingest.entity.Publish}, and the gate moves the channel through
 * {@link dev.onair.channels.boundary.ChannelLifecycle}, which fires the stream events. It observes
 * {@code StreamEnded} and key rotations in their transactions to end the publish, and
 * {@link dev.onair.ingest.control.PublisherDrops} has nginx drop the encoder after commit. A
 * refusal is a {@link dev.onair.ingest.entity.PublishRefused} value with a typed reason; a publish
 * ends for a {@link dev.onair.ingest.entity.PublishEnd}, which says how the broadcast is
 * interrupted. {@link dev.onair.ingest.boundary.CallbackTrust} says which nginx may call.</li>
 * <li><b>Watchdog.</b> {@link dev.onair.ingest.boundary.IngestWatchdog} measures stream health
 * (and reports it to the broadcaster or an admin as a {@link dev.onair.ingest.entity.HealthReport}),
 * ends what {@code on_publish_done} missed, drops publishers OnAir does not know, and ends
 * channels past their reconnect window or maximum length.</li>
 * </ul>
 */
package dev.onair.ingest;
