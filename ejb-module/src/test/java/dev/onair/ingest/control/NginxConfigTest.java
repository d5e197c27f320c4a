package dev.onair.ingest.control;

import dev.onair.ingest.entity.IngestMode;
import dev.onair.shared.NginxText;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NginxConfigTest {

    static final NginxConfig.Limits LIMITS = new NginxConfig.Limits(100, 8, Duration.ofSeconds(10));
    static final NginxConfig.Rtmps RTMPS = new NginxConfig.Rtmps(1936, Path.of("/srv/onair/nginx/tls/rtmps.crt"),
            Path.of("/srv/onair/nginx/tls/rtmps.key"));

    private static NginxConfig config(IngestMode mode, String rtmpHost, NginxConfig.Rtmps rtmps, URI callbacks) {
        return new NginxConfig(mode, Path.of("/usr/lib/nginx/modules/ngx_rtmp_module.so"),
                Path.of("/usr/lib/nginx/modules/ngx_stream_module.so"), Path.of("/srv/onair data/nginx"),
                rtmpHost, 1935, rtmps, 11935, 8935, Path.of("/srv/onair data/hls"), Duration.ofSeconds(2), Duration.ofSeconds(10),
                Duration.ofSeconds(10), LIMITS, callbacks, "s3cr3t-callback-secret");
    }

    private static NginxConfig managed() {
        return config(IngestMode.MANAGED, "", RTMPS, URI.create("http://127.0.0.1:9081/api/ingest"));
    }

    @Test
    void managedNginxRunsInTheForegroundWithOneProcess() {
        String conf = managed().render();
        assertTrue(conf.contains("daemon off;"));
        assertTrue(conf.contains("master_process off;"));
        assertTrue(conf.contains("worker_processes 1;"));
        String external = config(IngestMode.EXTERNAL, "", null, URI.create("http://127.0.0.1:9081/api/ingest")).render();
        assertFalse(external.contains("daemon off;"), "operators run it their way");
        assertTrue(external.contains("worker_processes 1;"));
    }

    @Test
    void encodersReachNginxRtmpOnlyThroughTheStreamModuleWithTheirAddress() {
        String conf = managed().render();
        assertTrue(conf.contains("load_module \"/usr/lib/nginx/modules/ngx_stream_module.so\";"));
        int stream = conf.indexOf("stream {");
        int rtmp = conf.indexOf("rtmp {");
        assertTrue(stream > 0 && rtmp > stream);
        assertTrue(conf.indexOf("listen 1935;", stream) < rtmp, "the public RTMP port is the stream module's");
        assertTrue(conf.contains("proxy_pass 127.0.0.1:11935;"));
        assertTrue(conf.contains("proxy_protocol on;"), "nginx-rtmp learns the encoder's address");
        assertTrue(conf.contains("listen 127.0.0.1:11935 proxy_protocol;"), "nginx-rtmp itself on loopback only");
        assertFalse(conf.substring(rtmp).contains("listen 1935"));
    }

    @Test
    void connectionsAreLimitedPerAddressAndPerListenerAndMustStartTalkingSoon() {
        String conf = managed().render();
        assertTrue(conf.contains("limit_conn_zone $binary_remote_addr zone=onair_address:1m;"));
        assertTrue(conf.contains("limit_conn onair_address 8;"));
        assertTrue(conf.contains("limit_conn onair_listener 200;"), "twice the capacity per listener");
        assertTrue(conf.contains("timeout 10000ms;"), "nginx-rtmp drops a connection that does not shake hands");
        assertTrue(conf.contains("ssl_handshake_timeout 10000ms;"));
        assertTrue(conf.contains("proxy_timeout 30000ms;"), "an idle connection is closed");
    }

    @Test
    void connectionAndFileLimitsFollowTheCapacity() {
        assertEquals(3 * 2 * 200 + 512, LIMITS.workerConnections());
        String conf = managed().render();
        assertTrue(conf.contains("worker_connections " + LIMITS.workerConnections() + ";"));
        assertTrue(conf.contains("worker_rlimit_nofile " + LIMITS.openFiles() + ";"));
        NginxConfig.Limits bigger = new NginxConfig.Limits(1000, 8, Duration.ofSeconds(10));
        assertTrue(bigger.workerConnections() > LIMITS.workerConnections() && bigger.openFiles() > bigger.workerConnections());
    }

    @Test
    void rtmpsEndsTlsWithItsCertificateAndFeedsTheSameRtmp() {
        String conf = managed().render();
        assertTrue(conf.contains("listen 1936 ssl;"));
        assertTrue(conf.contains("ssl_certificate \"/srv/onair/nginx/tls/rtmps.crt\";"));
        assertTrue(conf.contains("ssl_certificate_key \"/srv/onair/nginx/tls/rtmps.key\";"));
        assertEquals(2, conf.split("proxy_pass 127.0.0.1:11935;", -1).length - 1, "both listeners lead to the same application");
        assertFalse(config(IngestMode.MANAGED, "", null, URI.create("http://127.0.0.1:9081/api/ingest")).render().contains("ssl"),
                "no certificate, no RTMPS");
    }

    @Test
    void theLiveApplicationCallsOnAirWithTheSecretAndCutsHlsThatOnAirCleansUp() {
        String conf = managed().render();
        assertTrue(conf.contains("application live {"));
        assertTrue(conf.contains("on_publish \"http://127.0.0.1:9081/api/ingest/publish?secret=s3cr3t-callback-secret\";"));
        assertTrue(conf.contains("on_update \"http://127.0.0.1:9081/api/ingest/update?secret=s3cr3t-callback-secret\";"));
        assertTrue(conf.contains("on_publish_done \"http://127.0.0.1:9081/api/ingest/publish-done?secret=s3cr3t-callback-secret\";"));
        assertTrue(conf.contains("notify_update_timeout 10000ms;"));
        assertTrue(conf.contains("hls on;"));
        assertTrue(conf.contains("hls_nested on;"));
        assertTrue(conf.contains("hls_cleanup off;"));
        assertTrue(conf.contains("hls_fragment 2000ms;"));
        assertTrue(conf.contains("hls_path \"/srv/onair data/hls\";"), "paths are quoted");
        assertTrue(conf.contains("allow play 127.0.0.1;"));
        assertTrue(conf.contains("deny play all;"));
    }

    @Test
    void statAndControlListenOnLoopbackOnlyAndThereIsNoEdge() {
        String conf = managed().render();
        assertTrue(conf.contains("listen 127.0.0.1:8935;"));
        assertTrue(conf.contains("rtmp_stat all;"));
        assertTrue(conf.contains("rtmp_control all;"));
        assertFalse(conf.contains("proxy_cache"), "the local edge is an nginx of its own");
    }

    @Test
    void anRtmpAddressCanBeChosen() {
        String conf = config(IngestMode.MANAGED, "127.0.0.1", RTMPS, URI.create("http://127.0.0.1:9081/api/ingest")).render();
        assertTrue(conf.contains("listen 127.0.0.1:1935;"));
        assertTrue(conf.contains("listen 127.0.0.1:1936 ssl;"));
    }

    @Test
    void valuesThatWouldBreakTheFileAreRefused() {
        assertThrows(IllegalStateException.class, () -> config(IngestMode.MANAGED, "0.0.0.0; include /etc/x", null,
                URI.create("http://127.0.0.1:9081/api/ingest")));
        assertThrows(IllegalStateException.class, () -> config(IngestMode.MANAGED, "", null,
                URI.create("http://127.0.0.1:9081/api/ingest?x=1")));
        assertThrows(IllegalStateException.class, () -> config(IngestMode.MANAGED, "", null, URI.create("ftp://127.0.0.1/x")));
        assertThrows(IllegalStateException.class, () -> config(IngestMode.MANAGED, "", new NginxConfig.Rtmps(1935,
                Path.of("a"), Path.of("b")), URI.create("http://127.0.0.1:9081/api/ingest")), "RTMPS on the RTMP port");
        assertThrows(IllegalStateException.class, () -> new NginxConfig.Limits(0, 8, Duration.ofSeconds(10)));
        assertThrows(IllegalStateException.class, () -> NginxText.quoted("a\nb"));
        assertEquals("\"a\\\"b\\\\c\"", NginxText.quoted("a\"b\\c"));
    }
}
