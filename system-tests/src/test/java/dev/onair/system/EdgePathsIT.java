package dev.onair.system;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local edge authorizes exactly what it serves: with one private channel's signature, no
 * spelling of a path (percent-escapes of any case, dot segments raw or encoded, repeated slashes,
 * backslashes, encoded slashes) reaches another private channel's playlist, segment or thumbnail;
 * the channel's own objects still play. Both channels' objects really are in the bucket, so a
 * refusal is the edge's decision, not a missing file.
 */
class EdgePathsIT {

    private static final Api API = new Api();
    private static String a;
    private static String b;
    private static String signatureOfA;
    private static final String SESSION = "0b8d4f2e-1c3a-4e5f-8a9b-0c1d2e3f4a5b";
    private static final Map<String, String> OBJECTS = Map.of(
            "live.m3u8", "application/vnd.apple.mpegurl",
            SESSION + "/7.ts", "video/mp2t",
            "thumbnails/latest.jpg", "image/jpeg");

    @BeforeAll
    static void twoPrivateChannelsWithObjects() {
        Broadcaster owner = Broadcaster.fresh();
        a = owner.open(API, "A", "PRIVATE").getString("id");
        b = Broadcaster.fresh().open(API, "B", "PRIVATE").getString("id");
        JsonObject channel = API.get("/api/channels/" + a, owner.token()).json();
        signatureOfA = channel.getJsonObject("playbackSignature").getString("query");
        LocalS3 s3 = LocalS3.get();
        for (String id : List.of(a, b)) {
            OBJECTS.forEach((object, type) -> s3.putPublic("private/channels/" + id + "/" + object,
                    (id + "'s " + object).getBytes(StandardCharsets.UTF_8), type));
        }
    }

    @Test
    void theChannelsOwnObjectsPlayWithItsSignature() throws IOException {
        for (String object : OBJECTS.keySet()) {
            Raw reply = get("/private/channels/" + a + "/" + object + "?" + signatureOfA);
            assertEquals(200, reply.status(), object + ": " + reply);
            assertTrue(reply.body().contains(a + "'s " + object), reply::body);
        }
        assertEquals(403, get("/private/channels/" + b + "/live.m3u8?" + signatureOfA).status(), "B's own path, A's signature");
    }

    @Test
    void noSpellingOfAnotherChannelsObjectPassesTheEdge() throws IOException {
        List<String> forms = new ArrayList<>();
        for (String object : OBJECTS.keySet()) {
            String target = b + "/" + object;
            String encodedTarget = target.replace("/", "%2f");
            forms.addAll(List.of(
                    "/private/channels/" + a + "/../" + target,
                    "/private/channels/" + a + "/%2e%2e/" + target,
                    "/private/channels/" + a + "/%2E%2E/" + target,
                    "/private/channels/" + a + "/%2e%2E/" + target,
                    "/private/channels/" + a + "/.%2e/" + target,
                    "/private/channels/" + a + "/..%2f" + target,
                    "/private/channels/" + a + "/..%2F" + encodedTarget,
                    "/private/channels/" + a + "/%2e%2e%2f" + encodedTarget,
                    "/private/channels/" + a + "/..\\" + target,
                    "/private/channels/" + a + "/..%5c" + target,
                    "/private/channels/" + a + "/..%5C" + target,
                    "/private/channels/" + a + "/x/../../" + target,
                    "/private/channels/" + a + "//../" + target,
                    "/private/channels/" + a + "/./../" + target,
                    "/private/channels/" + a + "/%252e%252e/" + target,
                    "/private//channels/" + a + "/../" + target,
                    "//private/channels/" + a + "/../" + target,
                    "/private/channels/" + a + "%2f..%2f" + target,
                    "/private/channels/" + a + "/..;/" + target,
                    "/private/channels/" + a + "/thumbnails/../../" + target,
                    "/%70rivate/channels/" + b + "/" + object,
                    "/private/channels/%" + Integer.toHexString(b.charAt(0)) + b.substring(1) + "/" + object,
                    "/private/channels/" + b.toUpperCase() + "/" + object,
                    "/channels/../private/channels/" + target,
                    "/channels/%2e%2e/private/channels/" + target));
        }
        for (String form : forms) {
            for (String query : List.of("?" + signatureOfA, "")) {
                Raw reply = get(form + query);
                assertTrue(reply.status() >= 400 && reply.status() < 500, form + query + " -> " + reply);
                assertTrue(!reply.body().contains(b + "'s"), "B's object leaked through " + form + ": " + reply);
            }
        }
        // and the channel's own objects, in the same spellings, are not served either: only canonical paths are
        assertEquals(400, get("/private/channels/" + a + "/x/../live.m3u8?" + signatureOfA).status());
        assertEquals(400, get("/private/channels/" + a + "/%6cive.m3u8?" + signatureOfA).status());
    }

    /** What the response said; raw, so that nothing (neither the client nor java.net.URI) normalizes the path. */
    record Raw(int status, String body) {
        @Override
        public String toString() {
            return status + " " + (body.length() > 200 ? body.substring(0, 200) : body);
        }
    }

    static Raw get(String rawPathAndQuery) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", OnAirServer.EDGE_PORT)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + rawPathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + OnAirServer.EDGE_PORT
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int bodyAt = response.indexOf("\r\n\r\n");
            return new Raw(status, bodyAt < 0 ? "" : response.substring(bodyAt + 4));
        }
    }
}
