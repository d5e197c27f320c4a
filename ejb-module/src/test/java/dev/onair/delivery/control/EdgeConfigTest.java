package dev.onair.delivery.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EdgeConfigTest {

    private static EdgeConfig edge() {
        return new EdgeConfig(Path.of("/srv/onair/edge"), "", 9088, URI.create("http://127.0.0.1:9000"), "onair", "private/",
                URI.create("http://127.0.0.1:9081/api/edge/authorize"), "edge-s3cr3t", 1024);
    }

    @Test
    void theEdgeReadsTheBucketCachesAsTheOriginSaysAndAsksOnAirAboutPrivatePaths() {
        String conf = edge().render();
        assertTrue(conf.contains("listen 9088;"));
        assertTrue(conf.contains("daemon off;") && conf.contains("master_process off;"));
        assertTrue(conf.contains("worker_connections 1024;"), "a connection budget of its own");
        assertTrue(conf.contains("server 127.0.0.1:9000;"));
        assertTrue(conf.contains("proxy_pass http://onair_bucket/onair$onair_path;"), "the request's own path, without the query");
        assertTrue(conf.contains("proxy_cache_key $onair_path;"), "one cached copy whatever the signature");
        assertFalse(conf.contains("proxy_cache_valid 200"), "2xx are cached as Cache-Control says, not by a rule of ours");
        int privateAt = conf.indexOf("location /private/ {");
        assertTrue(privateAt > 0);
        assertTrue(conf.indexOf("auth_request /_onair_authorize;", privateAt) > privateAt);
        assertTrue(conf.contains("proxy_pass http://onair_authorize/api/edge/authorize;"));
        assertTrue(conf.contains("proxy_set_header X-Original-URI $request_uri;"));
        assertTrue(conf.contains("proxy_set_header X-OnAir-Edge-Secret \"edge-s3cr3t\";"));
        assertTrue(conf.contains("limit_except GET {"));
        assertTrue(conf.contains("if ($request_uri !~ \"" + EdgeConfig.CANONICAL_REQUEST + "\") {"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/private/channels/a/live.m3u8?Policy=x&Signature=y~z_&Key-Pair-Id=k",
            "/channels/11111111-1111-4111-8111-111111111111/22222222-2222-4222-8222-222222222222/7.ts",
            "/channels/c/thumbnails/latest.jpg"})
    void objectKeysPassTheEdgesFilter(String uri) {
        assertTrue(Pattern.matches(EdgeConfig.CANONICAL_REQUEST, uri), uri);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/private/channels/a/../b/live.m3u8", "/private/channels/a/%2e%2e/b/live.m3u8",
            "/private//channels/a/live.m3u8", "/private/channels/a\\..\\b/live.m3u8", "/private/channels/a/..%2fb/live.m3u8",
            "/private/channels/a/./live.m3u8", "/", "//x", "/private/channels/a/.hidden", "/x/%41"})
    void everyOtherSpellingIsRefusedByTheEdgeItself(String uri) {
        assertFalse(Pattern.matches(EdgeConfig.CANONICAL_REQUEST, uri), uri);
    }

    @Test
    void anOriginWithAPathOrAnotherSchemeIsRefused() {
        assertThrows(IllegalStateException.class, () -> new EdgeConfig(Path.of("/e"), "", 9088, URI.create("https://s3.example"),
                "b", "private/", URI.create("http://127.0.0.1:9081/api/edge/authorize"), "s", 1024));
        assertThrows(IllegalStateException.class, () -> new EdgeConfig(Path.of("/e"), "", 9088, URI.create("http://127.0.0.1:9000/b"),
                "b", "private/", URI.create("http://127.0.0.1:9081/api/edge/authorize"), "s", 1024));
        assertThrows(IllegalStateException.class, () -> new EdgeConfig(Path.of("/e"), "", 0, URI.create("http://127.0.0.1:9000"),
                "b", "private/", URI.create("http://127.0.0.1:9081/api/edge/authorize"), "s", 1024));
    }
}
