package dev.onair.system;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Delivery through failures: S3 gone for longer than nginx's playlist window, and OnAir
 * restarted in the middle of a broadcast. Whatever nginx listed ends up in S3 and in the replay.
 */
class DeliveryRecoveryIT {

    private final Api api = new Api();
    private final OnAirServer server = OnAirServer.get();
    private final LocalS3 s3 = LocalS3.get();

    @Test
    void s3GoneForAMinuteLosesNoSegmentAndHealthShowsTheLagMeanwhile() {
        Broadcast broadcast = Broadcast.open(api, "outage");
        NginxWitness nginx = new NginxWitness(server.dataDir().resolve("hls"), broadcast.streamName());
        try (nginx; LivePlaylistAudit audit = new LivePlaylistAudit(s3, broadcast.folder()); Publisher obs = broadcast.publish()) {
            assertEquals("LIVE", broadcast.awaitState("LIVE", DeliveryIT.LIVE_WITHIN), obs::output);
            Eventually.await(() -> nginx.listed().size(), n -> n >= 2, Duration.ofSeconds(20));

            s3.stop();
            Instant down = Instant.now();
            int cutBefore = nginx.listed().size();
            JsonObject lagging = Eventually.await(() -> broadcast.health().getJsonObject("delivery"),
                    d -> d != null && d.getJsonNumber("lagSeconds").doubleValue() > 5 && d.getInt("failures") > 0,
                    Duration.ofSeconds(30));
            assertTrue(lagging.getJsonNumber("lagSeconds").doubleValue() > 5, lagging::toString);
            assertTrue(lagging.getInt("segmentsWaiting") > 0, lagging::toString);
            assertTrue(lagging.containsKey("lastError"), lagging::toString);
            Api.Reply notReady = Eventually.await(() -> api.get("/health/ready", null), r -> r.status() == 503, Duration.ofSeconds(30));
            assertEquals(503, notReady.status(), notReady::body);
            assertTrue(notReady.body().contains("\"delivery\""), notReady::body);

            OnAirServer.sleep(Math.max(0, Duration.ofSeconds(60).minus(Duration.between(down, Instant.now())).toMillis()));
            int cutDuringOutage = nginx.listed().size() - cutBefore;
            assertTrue(cutDuringOutage > 15, "more than nginx's 30 s playlist window went by: " + cutDuringOutage + " segments");
            s3.start();

            JsonObject caughtUp = Eventually.await(() -> broadcast.health().getJsonObject("delivery"),
                    d -> d != null && d.getInt("segmentsWaiting") <= 1 && d.getInt("failures") == 0, Duration.ofSeconds(60));
            assertTrue(caughtUp.getInt("segmentsWaiting") <= 1, caughtUp::toString);
            assertEquals(200, Eventually.await(() -> api.get("/health/ready", null), r -> r.status() == 200, Duration.ofSeconds(30)).status());

            assertEquals(200, broadcast.end().status());
            obs.exitWithin(Duration.ofSeconds(10));
            assertReplayHasAllNginxCut(broadcast, nginx, 1);
            audit.close();
            assertEquals(java.util.List.of(), audit.problems());
        } finally {
            s3.start();
        }
    }

    @Test
    void anOnAirRestartMidBroadcastLosesNoSegment() {
        Broadcast broadcast = Broadcast.open(api, "restart");
        NginxWitness nginx = new NginxWitness(server.dataDir().resolve("hls"), broadcast.streamName());
        try (nginx) {
            try (Publisher obs = broadcast.publish()) {
                assertEquals("LIVE", broadcast.awaitState("LIVE", DeliveryIT.LIVE_WITHIN), obs::output);
                Eventually.await(() -> nginx.listed().size(), n -> n >= 3, Duration.ofSeconds(20));
                // S3 away too, so that segments wait on disk across the restart
                s3.stop();
                int before = nginx.listed().size();
                Eventually.await(() -> nginx.listed().size(), n -> n >= before + 3, Duration.ofSeconds(20));
                OnAirServer.restartKeepingData(s3::start);
            } finally {
                s3.start();
            }
            // OBS reconnects once the server is back
            try (Publisher again = broadcast.publish()) {
                assertEquals("LIVE", broadcast.awaitState("LIVE", DeliveryIT.LIVE_WITHIN), again::output);
                int before = nginx.listed().size();
                Eventually.await(() -> nginx.listed().size(), n -> n >= before + 3, Duration.ofSeconds(20));
                assertEquals(200, broadcast.end().status());
                again.exitWithin(Duration.ofSeconds(10));
            }
            assertReplayHasAllNginxCut(broadcast, nginx, 2);
        }
    }

    private void assertReplayHasAllNginxCut(Broadcast broadcast, NginxWitness nginx, int sessions) {
        JsonObject replay = broadcast.awaitReplay(null, Duration.ofSeconds(60));
        Hls vod = Hls.parse(Media.text(replay.getString("url")));
        assertTrue(vod.vod() && vod.ended(), vod::text);
        assertEquals(nginx.listed().size(), vod.segments().size(), () -> vod.text() + "\nnginx cut " + nginx.listed());
        assertEquals(0, nginx.total().compareTo(vod.total()), () -> "nginx cut " + nginx.total() + " s, the replay lists " + vod.total());
        assertEquals(sessions, replay.getInt("sessionCount"));
        assertEquals(sessions - 1, vod.discontinuities(), vod::text);
        Media.Run read = Media.readToTheEnd(replay.getString("url"));
        assertEquals(0, read.exit(), read::output);
    }
}
