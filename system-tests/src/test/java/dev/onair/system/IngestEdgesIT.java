package dev.onair.system;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ingest at the edge a stranger reaches: RTMPS beside RTMP (the studio offers both), the
 * encoder's own address reaching OnAir through the stream module, and a flood of idle connections
 * from one address that neither stops a real publish from going live nor the edge from serving.
 */
class IngestEdgesIT {

    private static final Duration LIVE_WITHIN = Duration.ofSeconds(15);
    /** The flood's source: another loopback address, so that the per-address limit is its own and not the real encoder's. */
    private static final String FLOODER = "127.0.0.2";

    private final Api api = new Api();

    @Test
    void anEncoderGoesLiveOverRtmpsAndTheStudioRecommendsIt() {
        Broadcast broadcast = Broadcast.open(api, "RTMPS");
        JsonObject obs = api.get("/api/studio/stream-key", broadcast.broadcaster().token()).json();
        assertEquals(OnAirServer.rtmpsUrl(), obs.getString("secureServerUrl"));
        assertEquals(OnAirServer.rtmpUrl(), obs.getString("serverUrl"), "plain RTMP stays");
        try (Publisher encoder = broadcast.publishSecurely()) {
            assertEquals("LIVE", broadcast.awaitState("LIVE", LIVE_WITHIN), encoder::output);
            String stat = IngestIT.nginxStat().body();
            assertTrue(stat.contains(broadcast.streamName()), stat);
        } finally {
            broadcast.end();
        }
    }

    @Test
    void theEncodersOwnAddressReachesOnAirThroughTheStreamModule() throws IOException {
        Broadcast broadcast = Broadcast.open(api, "from a network address");
        String outside = ListenersIT.networkAddress().getHostAddress();
        // the stream module connects to nginx-rtmp from 127.0.0.1; only the PROXY protocol tells it the encoder's address
        try (Publisher encoder = Publisher.start("rtmp://" + outside + ":" + OnAirServer.RTMP_PORT + "/live", broadcast.streamKey())) {
            assertEquals("LIVE", broadcast.awaitState("LIVE", LIVE_WITHIN), encoder::output);
            String stat = IngestIT.nginxStat().body();
            assertTrue(stat.contains("<address>" + outside + "</address>"), "nginx-rtmp sees the encoder's address: " + stat);
            assertEquals(1, Database.number("SELECT COUNT(*) FROM publish_session WHERE stream_name = ? AND address = ?",
                    broadcast.streamName(), outside), "and so does OnAir's record of the publish");
        } finally {
            broadcast.end();
        }
    }

    @Test
    void twoThousandIdleConnectionsFromOneAddressStopNeitherARealPublishNorTheEdge() throws Exception {
        Broadcast watched = Broadcast.open(api, "already on air");
        Broadcast broadcast = Broadcast.open(api, "during a flood");
        List<Socket> flood = new ArrayList<>();
        try (Publisher first = watched.publish()) {
            assertEquals("LIVE", watched.awaitState("LIVE", LIVE_WITHIN), first::output);
            String playlist = Eventually.await(() -> Broadcast.text(watched.channel(), "playbackUrl"), url -> url != null);
            Eventually.await(() -> Api.send(java.net.URI.create(playlist), "GET", null, null, null).status(), s -> s == 200,
                    Duration.ofSeconds(20));

            flood.addAll(open(OnAirServer.RTMP_PORT, 2000));
            flood.addAll(open(OnAirServer.RTMPS_PORT, 1000));
            assertTrue(flood.size() >= 2900, "the flood connected: " + flood.size());

            Instant publishAt = Instant.now();
            try (Publisher encoder = broadcast.publish()) {
                assertEquals("LIVE", broadcast.awaitState("LIVE", LIVE_WITHIN), "during the flood: " + encoder.output());
                Duration took = Duration.between(publishAt, Instant.now());
                assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "live after " + took);
                assertEquals(200, Api.send(java.net.URI.create(playlist), "GET", null, null, null).status(),
                        "the edge still serves playback");
                assertTrue(open(FLOODER, OnAirServer.RTMP_PORT, 1).stream().allMatch(IngestEdgesIT::closedByServer),
                        "the flooding address gets nothing more");
            } finally {
                broadcast.end();
            }
        } finally {
            for (Socket socket : flood) {
                socket.close();
            }
            watched.end();
        }
    }

    private static List<Socket> open(int port, int count) {
        return open(FLOODER, port, count);
    }

    /** Idle TCP connections: no handshake, no data. */
    private static List<Socket> open(String from, int port, int count) {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            try {
                Socket socket = new Socket();
                socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                sockets.add(socket);
            } catch (IOException e) {
                // refused or timed out: part of the flood all the same
            }
        }
        return sockets;
    }

    /** Whether the server closed the (idle) connection right away. */
    private static boolean closedByServer(Socket socket) {
        try (socket) {
            socket.setSoTimeout(3000);
            InputStream in = socket.getInputStream();
            return in.read() == -1;
        } catch (IOException e) {
            return true;
        }
    }
}
