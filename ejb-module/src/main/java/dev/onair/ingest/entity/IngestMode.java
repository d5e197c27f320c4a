package dev.onair.ingest.entity;

import java.util.Locale;

/** How OnAir relates to nginx-rtmp ({@code onair.ingest.mode}). */
public enum IngestMode {
    /** OnAir renders the configuration, runs nginx, restarts it when it dies, stops it at shutdown. */
    MANAGED,
    /** Operators run nginx with the configuration OnAir renders; OnAir talks to its stat and control endpoints. */
    EXTERNAL,
    /** No ingest on this node (an API-only node); timeouts of the reconnect window still run. */
    NONE;

    public static IngestMode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("onair.ingest.mode must be managed, external or none, not '" + text + "'");
        }
    }
}
