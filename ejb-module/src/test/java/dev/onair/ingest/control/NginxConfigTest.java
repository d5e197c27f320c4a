package dev.onair.ingest.control;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NginxConfigTest {

    private static NginxConfig config(IngestMode mode, String rtmpHost, URI callbacks) {
        return new NginxConfig(mode, Path.of("/usr/lib/nginx/modules/ngx_rtmp_module.so"), Path.of("/srv/onair data/nginx"),
                rtmpHost, 1935, 8935, Path.of("/srv/onair data/hls"), Duration.ofSeconds(2), Duration.ofSeconds(10),
                Duration.ofSeconds(10), callbacks, "s3cr3t-callback-secret", null);
    }

    private static NginxConfig withEdge() {
        return new NginxConfig(IngestMode.MANAGED, Path.of("/usr/lib/nginx/modules/ngx_rtmp_module.so"), Path.of("/srv/onair/nginx"),
                "", 1935, 8935, Path.of("/srv/onair/hls"), Duration.ofSeconds(2), Duration.ofSeconds(10),
                Duration.ofSeconds(10), URI.create("http://127.0.0.1:9080/api/ingest"), "s3cr3t-callback-secret",
                new NginxConfig.Edge("", 9088, URI.create("http://127.0.0.1:9000/onair"), "private/",
                        URI.create("http://127.0.0.1:9080/api/edge/authorize")));
    }

    @Test
    void noEdgeUnlessConfigured() {
        assertFalse(managed().render().contains("proxy_cache"));
    }

    @Test
    void theLocalEdgeReadsTheBucketCachesAsTheOriginSaysAndAsksOnAirAboutPrivatePaths() {
        String conf = withEdge().render();
        assertTrue(conf.contains("listen 9088;"));
        assertTrue(conf.contains("rewrite ^(.*)$ /onair$1? break;"), "the bucket path, without the viewer's query");
        assertTrue(conf.contains("proxy_pass http://127.0.0.1:9000;"));
        assertTrue(conf.contains("proxy_cache_key $uri;"), "one cached copy whatever the signature");
        assertFalse(conf.contains("proxy_cache_valid 200"), "2xx are cached as Cache-Control says, not by a rule of ours");
        int privateAt = conf.indexOf("location /private/ {");
        assertTrue(privateAt > 0);
        assertTrue(conf.indexOf("auth_request /_onair_authorize;", privateAt) > privateAt);
        assertTrue(conf.contains("proxy_pass \"http://127.0.0.1:9080/api/edge/authorize\";"));
        assertTrue(conf.contains("proxy_set_header X-OnAir-Edge-Secret \"s3cr3t-callback-secret\";"));
        assertTrue(conf.contains("limit_except GET {"));
    }

    @Test
    void theEdgeNeedsAnHttpOrigin() {
        assertThrows(IllegalStateException.class, () -> new NginxConfig.Edge("", 9088, URI.create("https://s3.example/b"),
                "private/", URI.create("http://127.0.0.1:9080/api/edge/authorize")));
        assertThrows(IllegalStateException.class, () -> new NginxConfig.Edge("", 0, URI.create("http://127.0.0.1:9000/b"),
                "private/", URI.create("http://127.0.0.1:9080/api/edge/authorize")));
    }

    private static NginxConfig managed() {
        return config(IngestMode.MANAGED, "", URI.create("http://127.0.0.1:9080/api/ingest"));
    }

    @Test
    void managedNginxRunsInTheForegroundWithOneProcess() {
        String conf = managed().render();
        assertTrue(conf.contains("daemon off;"));
        assertTrue(conf.contains("master_process off;"));
        assertTrue(conf.contains("worker_processes 1;"));
        String external = config(IngestMode.EXTERNAL, "", URI.create("http://127.0.0.1:9080/api/ingest")).render();
        assertFalse(external.contains("daemon off;"), "operators run it their way");
        assertTrue(external.contains("worker_processes 1;"));
    }

    @Test
    void theLiveApplicationCallsOnAirWithTheSecretAndCutsHlsThatOnAirCleansUp() {
        String conf = managed().render();
        assertTrue(conf.contains("listen 1935;"));
        assertTrue(conf.contains("application live {"));
        assertTrue(conf.contains("on_publish \"http://127.0.0.1:9080/api/ingest/publish?secret=s3cr3t-callback-secret\";"));
        assertTrue(conf.contains("on_update \"http://127.0.0.1:9080/api/ingest/update?secret=s3cr3t-callback-secret\";"));
        assertTrue(conf.contains("on_publish_done \"http://127.0.0.1:9080/api/ingest/publish-done?secret=s3cr3t-callback-secret\";"));
        assertTrue(conf.contains("notify_update_timeout 10000ms;"));
        assertTrue(conf.contains("hls on;"));
        assertTrue(conf.contains("hls_nested on;"));
        assertTrue(conf.contains("hls_cleanup off;"));
        assertTrue(conf.contains("hls_fragment 2000ms;"));
        assertTrue(conf.contains("hls_path \"/srv/onair data/hls\";"), "paths are quoted");
        assertTrue(conf.contains("deny play all;"));
    }

    @Test
    void statAndControlListenOnLoopbackOnly() {
        String conf = managed().render();
        assertTrue(conf.contains("listen 127.0.0.1:8935;"));
        assertTrue(conf.contains("rtmp_stat all;"));
        assertTrue(conf.contains("rtmp_control all;"));
    }

    @Test
    void anRtmpAddressCanBeChosen() {
        assertTrue(config(IngestMode.MANAGED, "127.0.0.1", URI.create("http://127.0.0.1:9080/api/ingest")).render()
                .contains("listen 127.0.0.1:1935;"));
    }

    @Test
    void valuesThatWouldBreakTheFileAreRefused() {
        assertThrows(IllegalStateException.class, () -> config(IngestMode.MANAGED, "0.0.0.0; include /etc/x",
                URI.create("http://127.0.0.1:9080/api/ingest")));
        assertThrows(IllegalStateException.class, () -> config(IngestMode.MANAGED, "",
                URI.create("http://127.0.0.1:9080/api/ingest?x=1")));
        assertThrows(IllegalStateException.class, () -> config(IngestMode.MANAGED, "", URI.create("ftp://127.0.0.1/x")));
        assertThrows(IllegalStateException.class, () -> NginxConfig.quoted("a\nb"));
        assertEquals("\"a\\\"b\\\\c\"", NginxConfig.quoted("a\"b\\c"));
    }
}
