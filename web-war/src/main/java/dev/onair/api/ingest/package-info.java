/**
 * nginx-rtmp's callbacks ({@code on_publish}, {@code on_update}, {@code on_publish_done}) under
 * {@code /api/ingest}, served on the internal listener only ({@link dev.onair.api.Internal}: 404 on
 * the public ones). Only nginx calls them: from loopback or an address in
 * {@code onair.ingest.callback-hosts}, with the shared secret OnAir wrote into nginx's
 * configuration; anyone else gets 403. They are left out of the OpenAPI document, which is for
 * integrators. Decisions are the ingest component's ({@link dev.onair.ingest.boundary.PublishGate}).
 */
package dev.onair.api.ingest;
