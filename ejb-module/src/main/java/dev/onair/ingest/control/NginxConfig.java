package dev.onair.ingest.control;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The nginx-rtmp configuration OnAir runs, as values; {@link #render()} writes the file.
 * nginx runs one worker (statistics, control and stream state are per worker) and, when OnAir
 * manages it, in the foreground without a master process: the supervisor is its master, and a
 * dead nginx leaves no orphaned worker holding the RTMP port.
 *
 * @param rtmpHost   address RTMP listens on; empty for every address (OBS on the network)
 * @param httpPort   loopback port of the {@code /stat} and {@code /control} endpoints
 * @param callbacks  base URL of OnAir's callbacks ({@code /publish}, {@code /update}, {@code /publish-done})
 * @param secret     shared secret nginx presents to OnAir on every callback
 */
public record NginxConfig(IngestMode mode, Path rtmpModule, Path dir, String rtmpHost, int rtmpPort, int httpPort,
                          Path hlsDir, Duration fragment, Duration updateInterval, Duration idleTimeout,
                          URI callbacks, String secret, Edge edge) {

    /**
     * A local stand-in for the CDN (README "Delivery"): an HTTP server in the same nginx that
     * reads the bucket anonymously ({@code origin}: an S3-compatible endpoint and bucket,
     * path-style), caches by the objects' Cache-Control as CloudFront does, and, under
     * {@code privatePrefix}, serves only requests that carry a valid CloudFront signature (asked
     * of OnAir at {@code authorize}, as a subrequest).
     *
     * @param host listen address; empty for every address
     */
    public record Edge(String host, int port, URI origin, String privatePrefix, URI authorize) {

        public Edge {
            if (port < 1 || port > 65535) {
                throw new IllegalStateException("onair.edge.port must be 1 to 65535, not " + port);
            }
            if (!host.isEmpty() && !host.matches("[0-9A-Za-z.:\\[\\]-]{1,64}")) {
                throw new IllegalStateException("onair.edge.host must be an address or host name, not '" + host + "'");
            }
            if (!"http".equals(origin.getScheme()) || origin.getHost() == null || origin.getRawQuery() != null) {
                throw new IllegalStateException("the local edge needs an http:// S3 endpoint (onair.storage.endpoint), not " + origin);
            }
        }
    }

    public NginxConfig {
        if (rtmpPort < 1 || rtmpPort > 65535) {
            throw new IllegalStateException("onair.ingest.rtmp.port must be 1 to 65535, not " + rtmpPort);
        }
        if (httpPort < 1 || httpPort > 65535) {
            throw new IllegalStateException("nginx's control port must be 1 to 65535, not " + httpPort);
        }
        if (!rtmpHost.isEmpty() && !rtmpHost.matches("[0-9A-Za-z.:\\[\\]-]{1,64}")) {
            throw new IllegalStateException("onair.ingest.rtmp.host must be an address or host name, not '" + rtmpHost + "'");
        }
        requirePositive(fragment, "onair.ingest.hls.fragment");
        requirePositive(updateInterval, "onair.ingest.update-interval");
        requirePositive(idleTimeout, "onair.ingest.idle-timeout");
        if (!"http".equals(callbacks.getScheme()) || callbacks.getHost() == null || callbacks.getRawQuery() != null) {
            throw new IllegalStateException("onair.ingest.callback-url must be an http:// URL without a query, not " + callbacks);
        }
    }

    public String render() {
        String listen = rtmpHost.isEmpty() ? String.valueOf(rtmpPort) : rtmpHost + ":" + rtmpPort;
        StringBuilder conf = new StringBuilder();
        conf.append("# Rendered by OnAir from onair.ingest.* (README \"Going live\"). OnAir rewrites this file:\n")
            .append("# change the configuration, not the file.\n")
            .append("load_module ").append(quoted(rtmpModule)).append(";\n");
        if (mode == IngestMode.MANAGED) {
            conf.append("daemon off;\n")
                .append("master_process off;\n");
        }
        conf.append("worker_processes 1;\n")
            .append("pid ").append(quoted(dir.resolve("logs/nginx.pid"))).append(";\n")
            .append("error_log ").append(quoted(dir.resolve("logs/error.log"))).append(" notice;\n")
            .append("\n")
            .append("events {\n")
            .append("    worker_connections 1024;\n")
            .append("}\n")
            .append("\n")
            .append("rtmp {\n")
            .append("    server {\n")
            .append("        listen ").append(listen).append(";\n")
            .append("        chunk_size 4096;\n")
            .append("        notify_method post;\n")
            .append("\n")
            .append("        application ").append(IngestSettings.APPLICATION).append(" {\n")
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
            .append("}\n")
            .append("\n")
            .append("http {\n")
            .append("    access_log off;\n");
        for (String temp : new String[] {"client_body", "proxy", "fastcgi", "uwsgi", "scgi"}) {
            conf.append("    ").append(temp).append("_temp_path ").append(quoted(dir.resolve("temp/" + temp))).append(";\n");
        }
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
            .append("    }\n");
        if (edge != null) {
            renderEdge(conf);
        }
        conf.append("}\n");
        return conf.toString();
    }

    private void renderEdge(StringBuilder conf) {
        String listen = edge.host().isEmpty() ? String.valueOf(edge.port()) : edge.host() + ":" + edge.port();
        String origin = edge.origin().getScheme() + "://" + edge.origin().getRawAuthority();
        String bucketPath = edge.origin().getRawPath() == null ? "" : edge.origin().getRawPath().replaceAll("/+$", "");
        conf.append("\n")
            .append("    # The local edge: what CloudFront does in production, for playback on this machine.\n")
            .append("    proxy_cache_path ").append(quoted(dir.resolve("cache/edge")))
            .append(" levels=1:2 keys_zone=onair_edge:10m max_size=1g inactive=10m use_temp_path=off;\n")
            .append("\n")
            .append("    server {\n")
            .append("        listen ").append(listen).append(";\n")
            .append("        add_header Access-Control-Allow-Origin \"*\" always;\n")
            .append("        add_header X-Cache $upstream_cache_status always;\n")
            .append("\n")
            .append("        location / {\n")
            .append("            limit_except GET {\n")
            .append("                deny all;\n")
            .append("            }\n")
            .append(edgeProxy(origin, bucketPath))
            .append("        }\n")
            .append("        location /").append(edge.privatePrefix()).append(" {\n")
            .append("            limit_except GET {\n")
            .append("                deny all;\n")
            .append("            }\n")
            .append("            auth_request /_onair_authorize;\n")
            .append(edgeProxy(origin, bucketPath))
            .append("        }\n")
            .append("        location = /_onair_authorize {\n")
            .append("            internal;\n")
            .append("            proxy_pass ").append(quoted(edge.authorize().toString())).append(";\n")
            .append("            proxy_pass_request_body off;\n")
            .append("            proxy_set_header Content-Length \"\";\n")
            .append("            proxy_set_header X-Original-URI $request_uri;\n")
            .append("            proxy_set_header X-OnAir-Edge-Secret ").append(quoted(secret)).append(";\n")
            .append("        }\n")
            .append("    }\n");
    }

    /** Proxies to the bucket without the query (a signature is not S3's business), caching as the origin says. */
    private static String edgeProxy(String origin, String bucketPath) {
        return "            rewrite ^(.*)$ " + bucketPath + "$1? break;\n"
                + "            proxy_pass " + origin + ";\n"
                + "            proxy_http_version 1.1;\n"
                + "            proxy_set_header Connection \"\";\n"
                + "            proxy_set_header Cookie \"\";\n"
                + "            proxy_set_header Authorization \"\";\n"
                + "            proxy_cache onair_edge;\n"
                + "            proxy_cache_key $uri;\n"
                + "            proxy_cache_lock on;\n"
                + "            proxy_cache_valid 404 1s;\n"
                + "            proxy_hide_header x-amz-request-id;\n"
                + "            proxy_hide_header x-amz-id-2;\n";
    }

    private String callback(String call) {
        return quoted(callbacks + "/" + call + "?secret=" + secret);
    }

    private static String millis(Duration duration) {
        return duration.toMillis() + "ms";
    }

    private static String quoted(Path path) {
        return quoted(path.toString());
    }

    /** An nginx string literal: double quotes, with backslashes and double quotes escaped. */
    static String quoted(String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalStateException("a line break has no place in an nginx setting: " + value);
        }
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static void requirePositive(Duration duration, String key) {
        if (duration.isNegative() || duration.isZero() || duration.toMillis() == 0) {
            throw new IllegalStateException(key + " must be positive, not " + duration);
        }
    }
}
