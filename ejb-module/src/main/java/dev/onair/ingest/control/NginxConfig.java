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
                          URI callbacks, String secret) {

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
            .append("    }\n")
            .append("}\n");
        return conf.toString();
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
