package dev.onair.shared;

import org.eclipse.microprofile.config.Config;

/**
 * OnAir's internal listener ({@code onair.internal.host}:{@code onair.internal.port}, loopback by
 * default; server.xml binds it): the only one that serves nginx's callbacks and the local edge's
 * authorization, and the address OnAir's own nginx processes are given to reach it.
 */
public final class InternalListener {

    public static final String PORT_KEY = "onair.internal.port";
    public static final int DEFAULT_PORT = 9081;

    private InternalListener() {
    }

    public static int port(Config config) {
        return Settings.integer(config, PORT_KEY, DEFAULT_PORT);
    }

    /** The listener as an nginx on this host reaches it: its own address, or loopback when it listens on every address. */
    public static String baseUrl(Config config) {
        String host = Settings.string(config, "onair.internal.host", "127.0.0.1");
        if (host.isEmpty() || host.equals("*") || host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        } else if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port(config);
    }
}
