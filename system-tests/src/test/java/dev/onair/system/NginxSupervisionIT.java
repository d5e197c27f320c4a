package dev.onair.system;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** nginx-rtmp under OnAir's supervision: reported in readiness, brought back after a kill -9 mid-broadcast. */
class NginxSupervisionIT {

    private final Api api = new Api();
    private final OnAirServer server = OnAirServer.get();

    @Test
    void readinessReportsNginx() {
        Api.Reply ready = api.get("/health/ready", null);
        assertEquals(200, ready.status(), ready::toString);
        JsonObject nginx = ready.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> "nginx".equals(check.getString("name"))).findFirst().orElseThrow();
        assertEquals("UP", nginx.getString("status"));
        assertEquals("managed", nginx.getJsonObject("data").getString("mode"));
        assertEquals(200, IngestIT.nginxStat().statusCode(), "nginx's statistics on loopback");
    }

    @Test
    void killingNginxMidBroadcastBringsItBackAndThePublisherCanReturn() throws IOException {
        Broadcast broadcast = Broadcast.open(api, "kill -9");
        long killed;
        try (Publisher obs = broadcast.publish()) {
            assertEquals("LIVE", broadcast.awaitState("LIVE", Duration.ofSeconds(15)), obs::output);
            killed = nginxPid();
            assertTrue(ProcessHandle.of(killed).orElseThrow().destroyForcibly(), "kill -9 nginx");
            assertEquals("RECONNECTING", broadcast.awaitState("RECONNECTING", Duration.ofSeconds(10)));
            assertNotNull(obs.exitWithin(Duration.ofSeconds(15)), "the encoder lost its connection");
        }
        long restarted = Eventually.await(this::nginxPidOrZero, pid -> pid != 0 && pid != killed, Duration.ofSeconds(20));
        assertNotEquals(killed, restarted, "the supervisor started a new nginx");
        assertEquals(200, Eventually.await(() -> api.get("/health/ready", null).status(), s -> s == 200, Duration.ofSeconds(20)));

        try (Publisher back = broadcast.publish()) {
            assertEquals("LIVE", broadcast.awaitState("LIVE", Duration.ofSeconds(15)), back::output);
            assertEquals(broadcast.channelId(), api.get("/api/studio", broadcast.broadcaster().token()).json().getString("id"));
            broadcast.end();
        }
        List<JsonObject> events = broadcast.eventObjects();
        assertEquals(List.of("STARTED", "INTERRUPTED", "RESUMED", "ENDED"), events.stream().map(e -> e.getString("type")).toList());
        assertEquals("ingest-restarted", events.get(1).getString("reason"));
    }

    private Path pidFile() {
        return server.dataDir().resolve("nginx/logs/nginx.pid");
    }

    private long nginxPid() throws IOException {
        return Long.parseLong(Files.readString(pidFile()).trim());
    }

    private long nginxPidOrZero() {
        try {
            long pid = nginxPid();
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() ? pid : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
