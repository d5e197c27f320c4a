package dev.onair.system;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 30 encoders at once (copy mode) for a minute: all go LIVE with health figures, then all end cleanly. */
class IngestLoadIT {

    static final int PUBLISHERS = 30;
    static final Duration ON_AIR = Duration.ofSeconds(60);

    private final Api api = new Api();

    @Test
    void thirtyPublishersForAMinute() throws Exception {
        List<Broadcast> broadcasts = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Broadcast>> opening = new ArrayList<>();
            for (int i = 0; i < PUBLISHERS; i++) {
                String title = "load " + i;
                opening.add(pool.submit(() -> Broadcast.open(api, title)));
            }
            for (Future<Broadcast> future : opening) {
                broadcasts.add(future.get());
            }
        } finally {
            pool.shutdown();
        }
        List<Publisher> publishers = new ArrayList<>();
        try {
            for (Broadcast broadcast : broadcasts) {
                publishers.add(broadcast.publish());
            }
            for (int i = 0; i < PUBLISHERS; i++) {
                Publisher publisher = publishers.get(i);
                assertEquals("LIVE", broadcasts.get(i).awaitState("LIVE", Duration.ofSeconds(30)), publisher::output);
            }
            long until = System.nanoTime() + ON_AIR.toNanos();
            while (System.nanoTime() < until) {
                OnAirServer.sleep(5_000);
                for (int i = 0; i < PUBLISHERS; i++) {
                    assertTrue(publishers.get(i).alive(), "publisher " + i + " still on air: " + publishers.get(i).output());
                }
            }
            long total = 0;
            for (Broadcast broadcast : broadcasts) {
                assertEquals("LIVE", broadcast.state());
                JsonObject health = Eventually.await(broadcast::health,
                        h -> "HEALTHY".equals(Broadcast.text(h, "verdict")), Duration.ofSeconds(10));
                assertEquals("HEALTHY", health.getString("verdict"), health::toString);
                assertEquals(720, health.getInt("height"));
                long bitrate = health.getJsonNumber("bitrate").longValue();
                assertTrue(bitrate > 0, health::toString);
                total += bitrate;
            }
            System.out.println("[ingest-load] " + PUBLISHERS + " live streams, mean inbound "
                    + total / PUBLISHERS / 1000 + " kb/s each");
            for (Broadcast broadcast : broadcasts) {
                assertEquals(200, broadcast.end().status());
            }
            for (int i = 0; i < PUBLISHERS; i++) {
                assertNotNull(publishers.get(i).exitWithin(Duration.ofSeconds(10)), "publisher " + i + " dropped at the end");
            }
            for (Broadcast broadcast : broadcasts) {
                assertEquals("ENDED", broadcast.state());
                assertEquals(List.of("STARTED", "ENDED"), broadcast.events());
            }
            String stat = Eventually.await(() -> IngestIT.nginxStat().body(), body -> !body.contains("<publishing/>"),
                    Duration.ofSeconds(10));
            assertTrue(!stat.contains("<publishing/>"), "nothing publishes any more");
        } finally {
            publishers.forEach(Publisher::close);
        }
    }
}
