package dev.onair.system;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a stranger on the network reaches: from this machine's own non-loopback address (not
 * loopback, as any other host on the network would be), nginx's callbacks and the edge's
 * authorization do not exist on the public listener and the internal listener is not there at
 * all; a body of hundreds of megabytes is refused at once with 413 and leaves the heap as it was.
 */
class ListenersIT {

    private final OnAirServer server = OnAirServer.get();

    /** The first non-loopback IPv4 address of this machine; tests connect to it, so the server sees it as the peer. */
    static InetAddress networkAddress() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                        return address;
                    }
                }
            }
        }
        throw new IllegalStateException("this machine has no non-loopback IPv4 address to test from");
    }

    @Test
    void theCallbacksAndTheEdgesAuthorizationAreNotOnThePublicListener() throws IOException {
        InetAddress outside = networkAddress();
        int port = server.http("/").getPort();
        String form = "app=live&name=abcdefgh12345678&key=x&clientid=1&addr=127.0.0.1&call=publish";
        for (String path : List.of("/api/ingest/publish", "/api/ingest/update", "/api/ingest/publish-done", "/api/%69ngest/publish",
                "/api//ingest/publish", "/api/./ingest/publish")) {
            Raw reply = Raw.send(outside, port, "POST " + path + " HTTP/1.1", "application/x-www-form-urlencoded", form);
            assertEquals(404, reply.status(), path + " from " + outside + ": " + reply);
        }
        assertEquals(404, Raw.send(outside, port, "GET /api/edge/authorize HTTP/1.1", null, null).status());
        assertEquals(404, Raw.send(InetAddress.getByName("127.0.0.1"), port, "GET /api/edge/authorize HTTP/1.1", null, null).status(),
                "not on the public listener even from loopback");
        assertThrows(IOException.class, () -> Raw.send(outside, OnAirServer.INTERNAL_PORT, "GET /api/edge/authorize HTTP/1.1", null, null),
                "the internal listener is bound to loopback only");
        Raw internal = Raw.send(InetAddress.getByName("127.0.0.1"), OnAirServer.INTERNAL_PORT, "GET /api/edge/authorize HTTP/1.1", null, null);
        assertEquals(403, internal.status(), "there it answers (without the edge's secret: no)");
        assertEquals(404, Raw.send(InetAddress.getByName("127.0.0.1"), OnAirServer.INTERNAL_PORT, "GET /api/channels HTTP/1.1", null, null).status(),
                "and nothing else is served there");
        assertEquals(404, Raw.send(InetAddress.getByName("127.0.0.1"), OnAirServer.INTERNAL_PORT, "GET /studio HTTP/1.1", null, null).status());
    }

    @Test
    void aHugeBodyIsRefusedAtOnceAndLeavesTheHeapAsItWas() throws Exception {
        InetAddress outside = networkAddress();
        int port = server.http("/").getPort();
        long heapBefore = heapAfterGc();
        for (String path : List.of("/api/studio/channels", "/api/auth/refresh", "/api/channels/00000000-0000-0000-0000-000000000000",
                "/api/ingest/publish", "/studio", "/api/nowhere")) {
            long started = System.nanoTime();
            int status = Raw.hugeBody(outside, port, path, 300L * 1024 * 1024, false);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertEquals(413, status, path);
            assertTrue(millis < 1000, path + " answered in " + millis + " ms");
        }
        int chunked = Raw.hugeBody(outside, port, "/api/auth/refresh", 300L * 1024 * 1024, true);
        assertEquals(413, chunked, "a body without a length is cut off at the limit too");
        long heapAfter = heapAfterGc();
        assertTrue(heapAfter - heapBefore < 32L * 1024 * 1024, "heap after GC " + heapBefore / 1024 / 1024 + " MB -> "
                + heapAfter / 1024 / 1024 + " MB");
        Raw small = Raw.send(outside, port, "POST /api/auth/refresh HTTP/1.1", "application/json", "{\"refreshToken\":\"x\"}");
        assertEquals(401, small.status(), "an ordinary body is still read: " + small);
    }

    /** The server's heap in use right after a full collection (jcmd, as an operator would look). */
    private long heapAfterGc() throws IOException, InterruptedException {
        String pid = String.valueOf(server.pid());
        run("jcmd", pid, "GC.run");
        String info = run("jcmd", pid, "GC.heap_info");
        int used = info.indexOf("used ");
        String number = info.substring(used + 5, info.indexOf('K', used));
        return Long.parseLong(number.trim()) * 1024;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0, String.join(" ", command) + ": " + output);
        return output;
    }

    /** HTTP/1.1 over a plain socket from a chosen local address: nothing in between normalizes or retries. */
    record Raw(int status, String text) {

        static Raw send(InetAddress to, int port, String requestLine, String contentType, String body) throws IOException {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(to, port), 3000);
                socket.setSoTimeout(10_000);
                StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: ").append(to.getHostAddress()).append(':')
                        .append(port).append("\r\nConnection: close\r\n");
                byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
                if (body != null) {
                    request.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(bytes.length).append("\r\n");
                }
                OutputStream out = socket.getOutputStream();
                out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
                out.write(bytes);
                out.flush();
                String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                return new Raw(Integer.parseInt(response.substring(9, 12)), response);
            }
        }

        /**
         * Starts sending {@code size} bytes of body (declared, or chunked without a length) and
         * returns the status the server answers with while the body is still on its way.
         */
        static int hugeBody(InetAddress to, int port, String path, long size, boolean chunked) throws IOException {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(to, port), 3000);
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + path + " HTTP/1.1\r\nHost: " + to.getHostAddress() + ":" + port + "\r\nContent-Type: application/json\r\n"
                        + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + size + "\r\n") + "\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                InputStream in = socket.getInputStream();
                byte[] chunk = new byte[64 * 1024];
                java.util.Arrays.fill(chunk, (byte) ' ');
                byte[] head = ("10000\r\n").getBytes(StandardCharsets.ISO_8859_1);
                long sent = 0;
                try {
                    while (sent < size && in.available() == 0) {
                        if (chunked) {
                            out.write(head);
                            out.write(chunk);
                            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                        } else {
                            out.write(chunk);
                        }
                        sent += chunk.length;
                    }
                } catch (IOException closed) {
                    // the server answered and closed while the body was still coming: what it should do
                }
                byte[] status = in.readNBytes(12);
                assertFalse(status.length < 12, "no answer to a huge body for " + path);
                return Integer.parseInt(new String(status, 9, 3, StandardCharsets.ISO_8859_1));
            }
        }
    }
}
