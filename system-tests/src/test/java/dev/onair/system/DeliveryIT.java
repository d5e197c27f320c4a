package dev.onair.system;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Delivery with the real pieces: nginx-rtmp cuts HLS, OnAir uploads it to s3proxy, viewers read
 * it through the local edge (OnAir's nginx proxying the bucket, as CloudFront would), with
 * ffprobe and ffmpeg as players.
 */
class DeliveryIT {

    static final Duration LIVE_WITHIN = Duration.ofSeconds(15);
    static final Duration REPLAY_WITHIN = Duration.ofSeconds(30);
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String PLAYLIST_TYPE = "application/vnd.apple.mpegurl";

    private final Api api = new Api();
    private final OnAirServer server = OnAirServer.get();
    private final LocalS3 s3 = LocalS3.get();

    @Test
    void aTwentySecondBroadcastPlaysLiveFromTheCdnAndThenAsACompleteReplay() throws IOException {
        Broadcast broadcast = Broadcast.open(api, "delivery");
        String folder = broadcast.folder();
        NginxWitness nginx = new NginxWitness(server.dataDir().resolve("hls"), broadcast.streamName());
        try (nginx; LivePlaylistAudit audit = new LivePlaylistAudit(s3, folder); Publisher obs = broadcast.publish()) {
            assertEquals("LIVE", broadcast.awaitState("LIVE", LIVE_WITHIN), obs::output);
            Instant live = Instant.now();

            JsonObject channel = broadcast.channel();
            String playbackUrl = channel.getString("playbackUrl");
            assertEquals(OnAirServer.cdn() + folder + "live.m3u8", playbackUrl);
            assertFalse(channel.containsKey("replayUrl"));
            Hls first = Eventually.await(() -> Hls.parse(textOrEmpty(playbackUrl)), h -> h.segments().size() >= 2, Duration.ofSeconds(20));
            assertTrue(first.segments().size() >= 2, first::text);
            assertFalse(first.ended());

            Media.Run probe = Media.probe(playbackUrl);
            assertEquals(0, probe.exit(), probe::output);
            assertEquals(java.util.Set.of("h264", "aac"), probe.output().lines().map(String::strip)
                    .filter(line -> !line.isEmpty()).collect(java.util.stream.Collectors.toSet()), probe::output);

            JsonObject delivery = Eventually.await(() -> broadcast.health().getJsonObject("delivery"),
                    d -> d != null && d.getJsonNumber("segmentsUploaded").longValue() >= 2, Duration.ofSeconds(10));
            assertNotNull(delivery, "the channel's health shows its delivery");
            assertTrue(delivery.getJsonNumber("lagSeconds").doubleValue() < 5, delivery::toString);
            assertEquals(0, delivery.getInt("failures"));

            String thumbnailUrl = Eventually.await(() -> Broadcast.text(broadcast.channel(), "thumbnailUrl"), t -> t != null,
                    Duration.ofSeconds(20));
            assertEquals(OnAirServer.cdn() + folder + "thumbnails/latest.jpg", thumbnailUrl);
            Api.Reply jpeg = Api.send(java.net.URI.create(thumbnailUrl), "GET", null, null, null);
            assertEquals(200, jpeg.status());
            assertEquals("image/jpeg", jpeg.contentType());

            OnAirServer.sleep(Math.max(0, Duration.ofSeconds(20).minus(Duration.between(live, Instant.now())).toMillis()));
            assertEquals(200, broadcast.end().status());
            obs.exitWithin(Duration.ofSeconds(10));

            JsonObject replay = broadcast.awaitReplay(null, REPLAY_WITHIN);
            audit.close();
            assertEquals(List.of(), audit.problems());
            assertTrue(audit.versions() >= 5, "the audit saw the live playlist change " + audit.versions() + " times");

            String replayUrl = replay.getString("url");
            assertEquals(OnAirServer.cdn() + folder + "replay.m3u8", replayUrl);
            assertEquals(replayUrl, broadcast.channel().getString("replayUrl"));
            Hls vod = Hls.parse(Media.text(replayUrl));
            assertTrue(vod.vod() && vod.ended(), vod::text);
            assertEquals(0, vod.discontinuities(), vod::text);

            Map<Long, BigDecimal> cut = nginx.listed();
            assertTrue(cut.size() >= 9, "20 s in 2 s segments: " + cut);
            assertEquals(cut.size(), vod.segments().size(), vod.text() + "\nnginx cut " + cut);
            assertEquals(cut.size(), replay.getInt("segmentCount"));
            assertEquals(1, replay.getInt("sessionCount"));
            assertEquals(0, nginx.total().compareTo(vod.total()), "nginx cut " + nginx.total() + " s, the replay lists " + vod.total());
            assertEquals(nginx.total().doubleValue(), replay.getJsonNumber("durationSeconds").doubleValue(), 0.0005);
            assertEquals(List.copyOf(cut.keySet()), vod.segments().stream()
                    .map(s -> Long.parseLong(s.uri().substring(s.uri().indexOf('/') + 1).replace(".ts", ""))).toList());

            for (Hls.Segment segment : vod.segments()) {
                HeadObjectResponse head = s3.head(folder + segment.uri()).orElseThrow(() -> new AssertionError(segment.uri() + " is not in S3"));
                assertEquals("video/mp2t", head.contentType());
                assertEquals(IMMUTABLE, head.cacheControl());
            }
            HeadObjectResponse livePlaylist = s3.head(folder + "live.m3u8").orElseThrow();
            assertEquals(PLAYLIST_TYPE, livePlaylist.contentType());
            assertEquals("public, max-age=1", livePlaylist.cacheControl());
            assertTrue(Hls.parse(new String(s3.get(folder + "live.m3u8"))).ended(), "live players see the end");
            assertEquals(PLAYLIST_TYPE, s3.head(folder + "replay.m3u8").orElseThrow().contentType());
            assertTrue(s3.keys(folder + "thumbnails/").size() >= 2, "the latest and one per time");
            assertFalse(replay.getJsonArray("thumbnails").isEmpty());

            Media.Run read = Media.readToTheEnd(replayUrl);
            assertEquals(0, read.exit(), read::output);
            assertEquals("", read.output(), "ffmpeg read the whole replay without a complaint");

            Path dir = server.dataDir().resolve("hls").resolve(broadcast.streamName());
            assertEquals(List.of(), Eventually.await(() -> segmentFiles(dir), List::isEmpty, Duration.ofSeconds(10)),
                    "every uploaded segment is deleted from disk");
            String secret = broadcast.streamKey().substring(broadcast.streamKey().indexOf("?key=") + 5);
            assertTrue(s3.keys("").stream().noneMatch(k -> k.contains(secret) || k.contains(broadcast.streamName())),
                    "object keys name neither the key nor its public name");
        }
    }

    @Test
    void aReconnectWithinTheWindowGivesOneReplayWithOneDiscontinuity() {
        Broadcast broadcast = Broadcast.open(api, "reconnect");
        NginxWitness nginx = new NginxWitness(server.dataDir().resolve("hls"), broadcast.streamName());
        try (nginx) {
            try (Publisher obs = broadcast.publish()) {
                assertEquals("LIVE", broadcast.awaitState("LIVE", LIVE_WITHIN), obs::output);
                Eventually.await(() -> nginx.listed().size(), n -> n >= 3, Duration.ofSeconds(20));
                obs.stop();
            }
            assertEquals("RECONNECTING", broadcast.awaitState("RECONNECTING", Duration.ofSeconds(10)));
            try (Publisher again = broadcast.publish()) {
                assertEquals("LIVE", broadcast.awaitState("LIVE", LIVE_WITHIN), again::output);
                int before = nginx.listed().size();
                Eventually.await(() -> nginx.listed().size(), n -> n >= before + 3, Duration.ofSeconds(20));
                assertEquals(200, broadcast.end().status());
                again.exitWithin(Duration.ofSeconds(10));
            }
            JsonObject replay = broadcast.awaitReplay(null, REPLAY_WITHIN);
            Hls vod = Hls.parse(Media.text(replay.getString("url")));
            assertEquals(1, vod.discontinuities(), vod::text);
            assertEquals(2, replay.getInt("sessionCount"));
            assertEquals(nginx.listed().size(), vod.segments().size(), () -> vod.text() + "\nnginx cut " + nginx.listed());
            assertEquals(0, nginx.total().compareTo(vod.total()));
            List<String> sessions = vod.segments().stream().map(s -> s.uri().substring(0, s.uri().indexOf('/'))).distinct().toList();
            assertEquals(2, sessions.size(), "each publish has its own folder");
            int firstOfSecond = vod.segments().indexOf(vod.segments().stream().filter(s -> s.uri().startsWith(sessions.get(1))).findFirst().orElseThrow());
            assertTrue(vod.segments().get(firstOfSecond).discontinuity(), "the discontinuity is where the second session starts");
            Media.Run read = Media.readToTheEnd(replay.getString("url"));
            assertEquals(0, read.exit(), read::output);
        }
    }

    @Test
    void aPrivateChannelPlaysOnlyWithASignatureOfItsOwnAndOnlyForTheViewersItsBroadcasterAllows() {
        Broadcast broadcast = Broadcast.open(api, "private", "PRIVATE");
        String owner = broadcast.broadcaster().token();
        Broadcaster allowed = Broadcaster.fresh();
        Broadcaster stranger = Broadcaster.fresh();
        String channel = "/api/channels/" + broadcast.channelId();
        String folder = "private/channels/" + broadcast.channelId() + "/";
        assertEquals(200, api.post(channel + "/viewers", owner, "{\"accountId\":\"" + allowed.id() + "\"}").status());
        try (Publisher obs = broadcast.publish()) {
            assertEquals("LIVE", broadcast.awaitState("LIVE", LIVE_WITHIN), obs::output);
            for (String token : new String[] {null, stranger.token()}) {
                Api.Reply hidden = api.get(channel, token);
                assertEquals(404, hidden.status(), "neither anonymous nor another account learns it exists: " + hidden);
                assertFalse(hidden.body().contains("private"), "not even its title");
                assertFalse(api.get("/api/channels?state=LIVE&size=100", token).body().contains(broadcast.channelId()),
                        "nor finds it in the list");
            }
            assertTrue(api.get("/api/channels?state=LIVE&size=100", allowed.token()).body().contains(broadcast.channelId()),
                    "the allowed viewer finds it in the list");

            JsonObject signedIn = api.get(channel, allowed.token()).json();
            String signed = signedIn.getString("playbackUrl");
            assertTrue(signed.startsWith(OnAirServer.cdn() + folder + "live.m3u8?"), signed);
            assertTrue(signed.contains("Policy=") && signed.contains("Signature=") && signed.contains("Key-Pair-Id="), signed);
            JsonObject signature = signedIn.getJsonObject("playbackSignature");
            assertTrue(signature.getJsonObject("cookies").containsKey("CloudFront-Signature"));
            Instant expires = Instant.parse(signature.getString("expiresAt"));
            assertTrue(expires.isAfter(Instant.now()) && expires.isBefore(Instant.now().plus(Duration.ofMinutes(11))), expires::toString);

            Hls live = Eventually.await(() -> Hls.parse(textOrEmpty(signed)), h -> h.segments().size() >= 2, Duration.ofSeconds(20));
            assertTrue(live.segments().size() >= 2, live::text);
            String unsigned = OnAirServer.cdn() + folder + "live.m3u8";
            assertEquals(403, Api.send(java.net.URI.create(unsigned), "GET", null, null, null).status(), "no URL without a signature");
            String segment = OnAirServer.cdn() + folder + live.segments().get(0).uri();
            assertEquals(403, Api.send(java.net.URI.create(segment), "GET", null, null, null).status());
            assertEquals(200, Api.send(java.net.URI.create(segment + "?" + signature.getString("query")), "GET", null, null, null).status(),
                    "the channel's signature opens its segments");
            Api.Reply withCookies = cookieGet(segment, signature.getJsonObject("cookies"));
            assertEquals(200, withCookies.status(), "or as CloudFront's cookies");

            Broadcast other = Broadcast.open(api, "another private", "PRIVATE");
            String elsewhere = OnAirServer.cdn() + "private/channels/" + other.channelId() + "/live.m3u8?" + signature.getString("query");
            assertEquals(403, Api.send(java.net.URI.create(elsewhere), "GET", null, null, null).status(),
                    "a signature covers its own channel only");
            String tampered = signed.replace("Signature=", "Signature=A");
            assertEquals(403, Api.send(java.net.URI.create(tampered), "GET", null, null, null).status());

            Media.Run unsignedProbe = Media.probe(unsigned);
            assertTrue(unsignedProbe.exit() != 0, "a player without the signature gets nothing: " + unsignedProbe.output());
            Media.Run probe = Media.probe(unsigned, cookieHeader(signature.getJsonObject("cookies")));
            assertEquals(0, probe.exit(), "a player with the channel's cookies plays it: " + probe.output());
            assertTrue(probe.output().contains("h264"), probe::output);

            // a share link lets whoever holds it watch, without an account
            Api.Reply link = api.post(channel + "/share-link", owner, null);
            assertEquals(201, link.status(), link::toString);
            String token = link.json().getString("token");
            assertTrue(link.json().getString("url").endsWith("/channels/" + broadcast.channelId() + "?share=" + token));
            JsonObject shared = api.get(channel + "?share=" + token, null).json();
            assertTrue(shared.getString("playbackUrl").contains("Signature="), shared::toString);
            assertFalse(shared.getJsonObject("playbackSignature").getString("query").equals(signature.getString("query")),
                    "the link holder's signature is not the allowed viewer's");
            assertEquals(404, api.get(channel + "?share=" + token + "x", null).status(), "a wrong token opens nothing");
            assertEquals(403, api.post(channel + "/share-link", allowed.token(), null).status(), "a viewer cannot share it on");
            assertEquals(404, api.post(channel + "/share-link", stranger.token(), null).status());

            // withdrawn: no channel, no URL, no new signature, at once
            Api.Reply rotated = api.post(channel + "/share-link", owner, null);
            assertEquals(404, api.get(channel + "?share=" + token, null).status(), "rotating the link ends the old one");
            String newToken = rotated.json().getString("token");
            assertEquals(200, api.get(channel + "?share=" + newToken, null).status());
            assertEquals(204, api.send("DELETE", channel + "/share-link", owner, null, null).status());
            assertEquals(404, api.get(channel + "?share=" + newToken, null).status(), "withdrawing the link ends it");
            assertEquals(204, api.send("DELETE", channel + "/viewers/" + allowed.id(), owner, null, null).status());
            assertEquals(404, api.get(channel, allowed.token()).status(), "a withdrawn viewer no longer sees it");
            assertEquals(404, api.get(channel + "/replay", allowed.token()).status());
            assertEquals("[]", api.get(channel + "/viewers", owner).body().replace(" ", ""), "nobody is allowed now");
            assertEquals(200, api.post(channel + "/viewers", owner, "{\"accountId\":\"" + allowed.id() + "\"}").status(),
                    "allowed again for the replay");

            Api.Reply locked = api.patch(channel, owner, "{\"visibility\":\"PUBLIC\"}");
            assertEquals(409, locked.status(), locked::toString);
            assertEquals("urn:onair:problem:visibility-locked", locked.json().getString("type"));

            assertEquals(200, broadcast.end().status());
        }
        Api.Reply anonymousReplay = api.get(channel + "/replay", null);
        assertEquals(404, anonymousReplay.status(), anonymousReplay::toString);
        assertEquals("urn:onair:problem:not-found", anonymousReplay.json().getString("type"));
        JsonObject replay = broadcast.awaitReplay(allowed.token(), REPLAY_WITHIN);
        assertTrue(replay.getString("url").contains("Signature="));
        assertTrue(s3.keys("channels/" + broadcast.channelId()).isEmpty(), "nothing of a private channel outside the private prefix");
    }

    @Test
    void aChannelThatNeverWentLiveHasNoReplay() {
        Broadcast broadcast = Broadcast.open(api, "never live");
        assertEquals(200, broadcast.end().status());
        Api.Reply replay = api.get("/api/channels/" + broadcast.channelId() + "/replay", null);
        assertEquals(404, replay.status());
        assertEquals("urn:onair:problem:no-replay", replay.json().getString("type"));
    }

    private static List<Path> segmentFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".ts")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String cookieHeader(JsonObject cookies) {
        StringBuilder header = new StringBuilder();
        cookies.forEach((name, value) -> header.append(header.length() == 0 ? "" : "; ").append(name).append('=')
                .append(((jakarta.json.JsonString) value).getString()));
        return header.toString();
    }

    static Api.Reply cookieGet(String url, JsonObject cookies) {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                    .header("Cookie", cookieHeader(cookies)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Api.Reply(response.statusCode(), response, response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String textOrEmpty(String url) {
        Api.Reply reply = Api.send(java.net.URI.create(url), "GET", null, null, null);
        return reply.status() == 200 ? reply.body() : "#EXTM3U\n";
    }
}
