package dev.onair.delivery.control;

import dev.onair.accounts.entity.Account;
import dev.onair.channels.entity.Channel;
import dev.onair.channels.entity.ChannelDraft;
import dev.onair.channels.entity.ChannelState;
import dev.onair.channels.entity.Visibility;
import dev.onair.delivery.entity.PlaybackSignature;
import dev.onair.delivery.entity.PlaybackUrls;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlaybackTest {

    static final String CDN = "https://d111111abcdef8.cloudfront.net/";

    @TempDir
    Path data;

    Playback playback;

    @BeforeEach
    void setUp() {
        playback = new Playback();
        playback.settings = TestSettings.delivery(Map.of("onair.cdn.base-url", CDN, "onair.data.dir", data.toString(),
                "onair.cdn.signed-ttl", "PT5M"));
    }

    private static Channel channel(Visibility visibility, ChannelState... path) {
        Account owner = new Account("owner", "BJ", null, null, Set.of(), Instant.parse("2026-11-01T00:00:00Z"));
        Channel channel = new Channel(owner, new ChannelDraft("t", "", visibility), Instant.parse("2026-11-01T00:00:00Z"));
        for (ChannelState state : path) {
            channel.moveTo(state, Instant.parse("2026-11-01T00:01:00Z"));
        }
        return channel;
    }

    @Test
    void aPublicChannelPlaysFromPlainCdnUrls() {
        Channel live = channel(Visibility.PUBLIC, ChannelState.LIVE);
        PlaybackUrls urls = playback.of(live, false, true, null);
        assertEquals(CDN + "channels/" + live.id() + "/live.m3u8", urls.playbackUrl());
        assertEquals(CDN + "channels/" + live.id() + "/thumbnails/latest.jpg", urls.thumbnailUrl());
        assertNull(urls.replayUrl());
        assertNull(urls.signature());
        Channel ended = channel(Visibility.PUBLIC, ChannelState.LIVE, ChannelState.ENDED);
        PlaybackUrls replay = playback.of(ended, true, false, null);
        assertNull(replay.playbackUrl(), "no live playlist once ended");
        assertEquals(CDN + "channels/" + ended.id() + "/replay.m3u8", replay.replayUrl());
    }

    @Test
    void aPrivateChannelGivesNothingWithoutAViewerEntitledToIt() {
        Channel live = channel(Visibility.PRIVATE, ChannelState.LIVE);
        assertEquals(PlaybackUrls.NONE, playback.of(live, true, true, null));
    }

    @Test
    void aPrivateChannelsSignatureCoversItsFolderOnlyAndExpires() {
        Channel live = channel(Visibility.PRIVATE, ChannelState.LIVE);
        Instant before = Instant.now();
        PlaybackUrls urls = playback.of(live, false, true, "viewer-a");
        String folder = CDN + "private/channels/" + live.id() + "/";
        assertTrue(urls.playbackUrl().startsWith(folder + "live.m3u8?"), urls.playbackUrl());
        Map<String, String> params = params(urls.playbackUrl());
        JsonObject statement = statementOf(params.get("Policy"));
        assertEquals(folder + "*", statement.getString("Resource"));
        long expiry = statement.getJsonObject("Condition").getJsonObject("DateLessThan").getJsonNumber("AWS:EpochTime").longValueExact();
        assertTrue(expiry >= before.plus(Duration.ofMinutes(5)).getEpochSecond() - 1
                && expiry <= Instant.now().plus(Duration.ofMinutes(5)).getEpochSecond() + 1, "five minutes, as configured");

        var key = playback.publicKey();
        String keyPair = playback.keyPairId();
        Instant now = Instant.now();
        assertEquals(Optional.empty(), SignedPolicy.refusal(folder + "live.m3u8", params, key, keyPair, now));
        assertEquals(Optional.empty(), SignedPolicy.refusal(folder + "0b8d/17.ts", params, key, keyPair, now),
                "the same signature opens every segment of the channel");
        assertEquals(Optional.of("the policy does not cover this URL"),
                SignedPolicy.refusal(CDN + "private/channels/another/live.m3u8", params, key, keyPair, now));
        assertEquals(Optional.of("expired"),
                SignedPolicy.refusal(folder + "live.m3u8", params, key, keyPair, Instant.ofEpochSecond(expiry)));
        assertEquals(Optional.of("unknown key pair"), SignedPolicy.refusal(folder + "live.m3u8", params, key, "other", now));

        Map<String, String> forged = new HashMap<>(params);
        String other = params(playback.of(channel(Visibility.PRIVATE, ChannelState.LIVE), false, false, "viewer-a").playbackUrl()).get("Policy");
        forged.put("Policy", other);
        assertEquals(Optional.of("bad signature"), SignedPolicy.refusal(folder + "live.m3u8", forged, key, keyPair, now),
                "another channel's policy with this signature");

        PlaybackSignature signature = urls.signature();
        assertNotNull(signature.cookies().get("CloudFront-Policy"));
        assertEquals(params.get("Policy"), signature.cookies().get("CloudFront-Policy"));
        assertEquals(params.get("Signature"), signature.cookies().get("CloudFront-Signature"));
        assertEquals(keyPair, signature.cookies().get("CloudFront-Key-Pair-Id"));
    }

    @Test
    void aSignatureIsReusedWhileMoreThanHalfOfItsTimeIsLeft() {
        Channel live = channel(Visibility.PRIVATE, ChannelState.LIVE);
        PlaybackSignature first = playback.of(live, false, false, "viewer-a").signature();
        PlaybackSignature again = playback.of(live, false, true, "viewer-a").signature();
        assertEquals(first, again, "no second RSA signature for the same folder minutes apart");
        PlaybackSignature other = playback.of(channel(Visibility.PRIVATE, ChannelState.LIVE), false, false, "viewer-a").signature();
        assertTrue(!first.query().equals(other.query()), "another channel, another policy");
    }

    @Test
    void eachViewerIsSignedForOnItsOwn() throws Exception {
        Channel live = channel(Visibility.PRIVATE, ChannelState.LIVE);
        PlaybackSignature a = playback.of(live, false, false, "viewer-a").signature();
        Thread.sleep(1100);
        PlaybackSignature b = playback.of(live, false, false, "viewer-b").signature();
        assertTrue(b.expiresAt().isAfter(a.expiresAt()), "viewer b's signature is b's own, not a copy of a's");
        assertEquals(a, playback.of(live, false, false, "viewer-a").signature(), "a keeps theirs");
    }

    @Test
    void aSignatureFromAnotherKeyIsRefused() {
        Channel live = channel(Visibility.PRIVATE, ChannelState.LIVE);
        Map<String, String> params = params(playback.of(live, false, false, "viewer-a").playbackUrl());
        Playback stranger = new Playback();
        stranger.settings = TestSettings.delivery(Map.of("onair.cdn.base-url", CDN, "onair.data.dir", data.resolve("other").toString()));
        assertEquals(Optional.of("bad signature"), SignedPolicy.refusal(CDN + "private/channels/" + live.id() + "/live.m3u8",
                params, stranger.publicKey(), playback.keyPairId(), Instant.now()));
    }

    @Test
    void noCdnNoUrls() {
        Playback none = new Playback();
        none.settings = TestSettings.delivery(Map.of());
        assertEquals(PlaybackUrls.NONE, none.of(channel(Visibility.PUBLIC, ChannelState.LIVE), true, true, "viewer-a"));
    }

    private static Map<String, String> params(String url) {
        Map<String, String> params = new HashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return params;
    }

    /** The policy's one statement, decoded as CloudFront would read it. */
    private static JsonObject statementOf(String policy64) {
        try (JsonReader reader = Json.createReader(new StringReader(new String(SignedPolicy.decode(policy64), StandardCharsets.UTF_8)))) {
            return reader.readObject().getJsonArray("Statement").getJsonObject(0);
        }
    }
}
