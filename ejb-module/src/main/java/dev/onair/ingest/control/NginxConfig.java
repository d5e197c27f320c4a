package dev.onair.ingest.control;

import dev.onair.ingest.entity.IngestMode;
import dev.onair.ingest.entity.PublishCall;
import dev.onair.shared.NginxText;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The ingest nginx OnAir runs, as values; {@link #render()} writes its file. Encoders connect to
 * nginx's stream module, never to nginx-rtmp directly: it counts their connections per address
 * and per listener, closes those that do not start talking, terminates RTMPS, and hands each
 * connection to nginx-rtmp on a loopback port with the PROXY protocol, so nginx-rtmp still knows
 * the encoder's address (its {@code allow}/{@code deny} and its callbacks' {@code addr}). nginx
 * runs one worker (statistics, control and stream state are per worker) and, when OnAir manages
 * it, in the foreground without a master process. Its connection and file limits follow the
 * node's capacity; the local edge is another nginx with a budget of its own.
 *
 * @param rtmpHost   address RTMP and RTMPS listen on; empty for every address (OBS on the network)
 * @param rtmps      RTMPS, or null when it is off
 * @param httpPort   loopback port of the {@code /stat} and {@code /control} endpoints
 * @param callbacks  base URL of OnAir's callbacks ({@code /publish}, {@code /update}, {@code /publish-done})
 * @param secret     shared secret nginx presents to OnAir on every callback
 */
public record NginxConfig(IngestMode mode, Path rtmpModule, Path streamModule, Path dir, String rtmpHost, int rtmpPort,
                          Rtmps rtmps, int internalRtmpPort, int httpPort, Path hlsDir, Duration fragment,
                          Duration updateInterval, Duration idleTimeout, Limits limits, URI callbacks, String secret) {

    /** The most streams one nginx is configured for (IngestConfig checks the setting against it at start-up). */
    static final int MAX_CAPACITY = 10_000;
    /** The most connections one address may hold (likewise). */
    static final int MAX_PER_ADDRESS = 1000;
    /** An encoder's connection, the stream module's to nginx-rtmp, and nginx-rtmp's end of that. */
    private static final int CONNECTIONS_PER_ENCODER = 3;
    /** RTMP and RTMPS. */
    private static final int LISTENERS = 2;
    /** Callbacks, statistics and room to accept and close what is over a limit. */
    private static final int SPARE_CONNECTIONS = 512;
    private static final int FILES_PER_CONNECTION = 2;
    /** A stream's HLS segment and playlist being written, and their temporary files. */
    private static final int FILES_PER_STREAM = 4;
    private static final int SPARE_FILES = 64;
    /** The stream module drops a proxied connection idle this many idle timeouts. */
    private static final int PROXY_TIMEOUT_IDLES = 3;

    /** RTMP over TLS on {@code port}, with a PEM certificate chain and its key. */
    public record Rtmps(int port, Path certificate, Path key) {
        public Rtmps {
            requirePort(port, "onair.ingest.rtmps.port");
        }
    }

    /**
     * What one node takes: {@code capacity} publishers at once, {@code perAddress} connections
     * from one address, and {@code handshake} for a connection to start RTMP (or TLS) before it is
     * closed.
     */
    public record Limits(int capacity, int perAddress, Duration handshake) {
        public Limits {
            if (capacity < 1 || capacity > MAX_CAPACITY) {
                throw new IllegalStateException("onair.ingest.capacity must be 1 to " + MAX_CAPACITY + ", not " + capacity);
            }
            if (perAddress < 1 || perAddress > MAX_PER_ADDRESS) {
                throw new IllegalStateException("onair.ingest.rtmp.connections-per-address must be 1 to " + MAX_PER_ADDRESS + ", not " + perAddress);
            }
            requirePositive(handshake, "onair.ingest.rtmp.handshake-timeout");
        }

        /** Connections one listener holds at most: every publisher plus as many reconnecting or local players. */
        int perListener() {
            return capacity * 2;
        }

        /**
         * nginx's connections: each encoder is three (its own, the stream module's to nginx-rtmp,
         * nginx-rtmp's end of that) on each of two listeners, plus callbacks, statistics and room to
         * accept and close what is over a limit.
         */
        int workerConnections() {
            return CONNECTIONS_PER_ENCODER * LISTENERS * perListener() + SPARE_CONNECTIONS;
        }

        /** Files: two per connection at most, and each stream's HLS segment and playlist being written. */
        int openFiles() {
            return FILES_PER_CONNECTION * workerConnections() + FILES_PER_STREAM * capacity + SPARE_FILES;
        }
    }

    public NginxConfig {
        requirePort(rtmpPort, "onair.ingest.rtmp.port");
        requirePort(internalRtmpPort, "onair.ingest.rtmp.internal-port");
        requirePort(httpPort, "nginx's control port");
        NginxText.requireHost(rtmpHost, "onair.ingest.rtmp.host");
        if (internalRtmpPort == rtmpPort || rtmps != null && (rtmps.port() == rtmpPort || rtmps.port() == internalRtmpPort)) {
            throw new IllegalStateException("onair.ingest.rtmp.port, onair.ingest.rtmps.port and onair.ingest.rtmp.internal-port must differ");
        }
        requirePositive(fragment, "onair.ingest.hls.fragment");
        requirePositive(updateInterval, "onair.ingest.update-interval");
        requirePositive(idleTimeout, "onair.ingest.idle-timeout");
        if (!"http".equals(callbacks.getScheme()) || callbacks.getHost() == null || callbacks.getRawQuery() != null) {
            throw new IllegalStateException("onair.ingest.callback-url must be an http:// URL without a query, not " + callbacks);
        }
    }

    public String render() {
        StringBuilder conf = new StringBuilder();
        conf.append("# Rendered by OnAir from onair.ingest.* (README \"Going live\"). OnAir rewrites this file:\n")
            .append("# change the configuration, not the file.\n")
            .append("load_module ").append(quoted(rtmpModule)).append(";\n")
            .append("load_module ").append(quoted(streamModule)).append(";\n");
        if (mode == IngestMode.MANAGED) {
            conf.append("daemon off;\n")
                .append("master_process off;\n");
        }
        NginxText.main(conf, dir, limits.workerConnections(), limits.openFiles());
        renderStream(conf);
        renderRtmp(conf);
        renderHttp(conf);
        return conf.toString();
    }

    private void renderStream(StringBuilder conf) {
        conf.append("# Encoders come in here: connections counted per address and per listener, closed when they do not\n")
            .append("# start talking, TLS ended for RTMPS, and handed to nginx-rtmp on loopback with their address.\n")
            .append("stream {\n")
            .append("    limit_conn_zone $binary_remote_addr zone=onair_address:1m;\n")
            .append("    limit_conn_zone $server_port zone=onair_listener:64k;\n")
            .append("    limit_conn_log_level warn;\n")
            .append("\n")
            .append("    server {\n")
            .append("        listen ").append(listen(rtmpPort)).append(";\n");
        proxyToRtmp(conf);
        conf.append("    }\n");
        if (rtmps != null) {
            conf.append("\n")
                .append("    server {\n")
                .append("        listen ").append(listen(rtmps.port())).append(" ssl;\n")
                .append("        ssl_certificate ").append(quoted(rtmps.certificate())).append(";\n")
                .append("        ssl_certificate_key ").append(quoted(rtmps.key())).append(";\n")
                .append("        ssl_protocols TLSv1.2 TLSv1.3;\n")
                .append("        ssl_handshake_timeout ").append(millis(limits.handshake())).append(";\n");
            proxyToRtmp(conf);
            conf.append("    }\n");
        }
        conf.append("}\n\n");
    }

    private void proxyToRtmp(StringBuilder conf) {
        conf.append("        limit_conn onair_address ").append(limits.perAddress()).append(";\n")
            .append("        limit_conn onair_listener ").append(limits.perListener()).append(";\n")
            .append("        proxy_pass 127.0.0.1:").append(internalRtmpPort).append(";\n")
            .append("        proxy_protocol on;\n")
            .append("        proxy_connect_timeout 5s;\n")
            .append("        proxy_timeout ").append(millis(idleTimeout.multipliedBy(PROXY_TIMEOUT_IDLES))).append(";\n");
    }

    private void renderRtmp(StringBuilder conf) {
        conf.append("rtmp {\n")
            .append("    server {\n")
            .append("        # only the stream module above connects here, with the PROXY protocol\n")
            .append("        listen 127.0.0.1:").append(internalRtmpPort).append(" proxy_protocol;\n")
            .append("        timeout ").append(millis(limits.handshake())).append(";\n")
            .append("        chunk_size 4096;\n")
            .append("        notify_method post;\n")
            .append("\n")
            .append("        application ").append(PublishCall.APPLICATION).append(" {\n")
            .append("            live on;\n")
            .append("            allow publish all;\n")
            .append("            # Viewers watch HLS through the CDN; RTMP playback stays on this host.\n")
            .append("            allow play 127.0.0.1;\n")
            .append("            deny play all;\n")
            .append("            drop_idle_publisher ").append(millis(idleTimeout)).append(";\n")
            .append("\n")
            .append("            on_publish ").append(callback("publish")).append(";\n")
            .append("            on_update ").append(callback("update")).append(";\n")
            .append("            on_publish_done ").append(callback("publish-done")).append(";\n")
            .append("            notify_update_timeout ").append(millis(updateInterval)).append(";\n")
            .append("\n")
            .append("            hls on;\n")
            .append("            hls_path ").append(quoted(hlsDir)).append(";\n")
            .append("            hls_nested on;\n")
            .append("            hls_fragment ").append(millis(fragment)).append(";\n")
            .append("            hls_continuous on;\n")
            .append("            # OnAir deletes segments once they are uploaded.\n")
            .append("            hls_cleanup off;\n")
            .append("        }\n")
            .append("    }\n")
            .append("}\n\n");
    }

    private void renderHttp(StringBuilder conf) {
        conf.append("http {\n")
            .append("    access_log off;\n");
        NginxText.tempPaths(conf, dir);
        conf.append("\n")
            .append("    server {\n")
            .append("        listen 127.0.0.1:").append(httpPort).append(";\n")
            .append("        location = /stat {\n")
            .append("            rtmp_stat all;\n")
            .append("        }\n")
            .append("        location /control {\n")
            .append("            rtmp_control all;\n")
            .append("        }\n")
            .append("        location / {\n")
            .append("            return 404;\n")
            .append("        }\n")
            .append("    }\n")
            .append("}\n");
    }

    private String listen(int port) {
        return NginxText.listen(rtmpHost, port);
    }

    private String callback(String call) {
        return quoted(callbacks + "/" + call + "?secret=" + secret);
    }

    static String millis(Duration duration) {
        return duration.toMillis() + "ms";
    }

    private static String quoted(Path path) {
        return NginxText.quoted(path);
    }

    private static String quoted(String value) {
        return NginxText.quoted(value);
    }

    private static void requirePort(int port, String key) {
        NginxText.requirePort(port, key);
    }

    private static void requirePositive(Duration duration, String key) {
        if (duration.isNegative() || duration.isZero() || duration.toMillis() == 0) {
            throw new IllegalStateException(key + " must be positive, not " + duration);
        }
    }
}
