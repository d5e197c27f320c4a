package dev.onair.shared;

import java.nio.file.Path;

/**
 * Writing nginx configuration that OnAir renders (ingest's and the local edge's): quoting, the
 * checks of the values that go into it, and the parts both files share.
 */
public final class NginxText {

    private NginxText() {
    }

    /** An nginx string literal: double quotes, with backslashes and double quotes escaped; never a line break. */
    public static String quoted(String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalStateException("a line break has no place in an nginx setting: " + value);
        }
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    public static String quoted(Path path) {
        return quoted(path.toString());
    }

    public static void requirePort(int port, String key) {
        if (port < 1 || port > Settings.MAX_PORT) {
            throw new IllegalStateException(key + " must be 1 to 65535, not " + port);
        }
    }

    /** A listen address: empty (every address), an IP address or a host name. */
    public static void requireHost(String host, String key) {
        if (!host.isEmpty() && !host.matches("[0-9A-Za-z.:\\[\\]-]{1,64}")) {
            throw new IllegalStateException(key + " must be an address or host name, not '" + host + "'");
        }
    }

    /** {@code listen}'s argument: the port on every address, or on {@code host}. */
    public static String listen(String host, int port) {
        return host.isEmpty() ? String.valueOf(port) : host + ":" + port;
    }

    /**
     * The main context of an nginx that OnAir runs in {@code dir}: one worker (statistics and
     * state are per worker), its connection and file limits, its pid and error log, and the
     * events block.
     */
    public static void main(StringBuilder conf, Path dir, int workerConnections, int openFiles) {
        conf.append("worker_processes 1;\n")
            .append("worker_rlimit_nofile ").append(openFiles).append(";\n")
            .append("pid ").append(quoted(dir.resolve("logs/nginx.pid"))).append(";\n")
            .append("error_log ").append(quoted(dir.resolve("logs/error.log"))).append(" notice;\n")
            .append("\n")
            .append("events {\n")
            .append("    worker_connections ").append(workerConnections).append(";\n")
            .append("}\n")
            .append("\n");
    }

    /** The http block's temporary folders, inside {@code dir} (nginx's defaults may not be writable). */
    public static void tempPaths(StringBuilder conf, Path dir) {
        for (String temp : new String[] {"client_body", "proxy", "fastcgi", "uwsgi", "scgi"}) {
            conf.append("    ").append(temp).append("_temp_path ").append(quoted(dir.resolve("temp/" + temp))).append(";\n");
        }
    }
}
