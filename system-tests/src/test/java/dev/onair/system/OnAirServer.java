package dev.onair.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The assembled OnAir server (liberty-config's target/liberty/wlp), started once per test JVM
 * with test settings and stopped when the JVM ends. Its output (logs, Derby, generated files)
 * goes to target/onair-it, away from the data of `./onair run`.
 */
public final class OnAirServer {

    static final int RTMP_PORT = 19935;
    static final int NGINX_HTTP_PORT = 19936;
    /** The local edge (the CDN's stand-in) in OnAir's nginx. */
    static final int EDGE_PORT = 19088;
    /** OnAir's internal listener: nginx's callbacks and the edge's authorization, loopback only. */
    public static final int INTERNAL_PORT = Integer.getInteger("onair.it.internal.port", 19081);
    /** RTMP over TLS, ended by nginx's stream module in front of nginx-rtmp. */
    static final int RTMPS_PORT = 19940;
    /** Where nginx-rtmp itself listens, on loopback, behind the stream module. */
    static final int RTMP_INTERNAL_PORT = 19941;
    /** Derby's network server inside the test server, so that tests can read the embedded database. */
    static final int DERBY_PORT = 19527;
    /** A second admin identity, for the test that takes the role away again (KakaoShapedProvider ids). */
    public static final long SECOND_ADMIN_KAKAO_ID = 1_000_000_002L;

    private static OnAirServer instance;

    /** How far a second node's ports are from the first's. */
    private static final int SECOND_NODE_OFFSET = 100;

    private final Path wlp = Path.of(required("onair.wlp.dir"));
    private final Path work;
    private final int httpPort;
    private final int httpsPort;
    private final String database = System.getProperty("onair.it.db", "derby");
    /** The first node: the one every test talks to, with nginx, the edge and (on Derby) the database. */
    private final boolean primary;

    private final Map<String, String> extraEnvironment;

    private OnAirServer(Map<String, String> extraEnvironment) {
        this.extraEnvironment = Map.copyOf(extraEnvironment);
        this.work = Path.of(required("onair.it.work.dir"));
        this.httpPort = Integer.parseInt(required("onair.it.http.port"));
        this.httpsPort = Integer.parseInt(required("onair.it.https.port"));
        this.primary = true;
    }

    /** A second node on the first one's PostgreSQL database: API only (no nginx, no edge), its own ports and data folder. */
    private OnAirServer(OnAirServer first) {
        this.extraEnvironment = Map.of("ONAIR_INGEST_MODE", "none", "ONAIR_EDGE_PORT", "",
                "ONAIR_INTERNAL_PORT", String.valueOf(INTERNAL_PORT + SECOND_NODE_OFFSET));
        this.work = first.work.resolveSibling(first.work.getFileName() + "-node2");
        this.httpPort = first.httpPort + SECOND_NODE_OFFSET;
        this.httpsPort = first.httpsPort + SECOND_NODE_OFFSET;
        this.primary = false;
    }

    /**
     * Starts a second node beside the test server, on the same PostgreSQL database (several nodes
     * share PostgreSQL, never embedded Derby); the caller stops it ({@link Node#close}).
     */
    public static synchronized Node secondNode() {
        OnAirServer first = get();
        if (!"postgresql".equals(first.database)) {
            throw new IllegalStateException("several nodes need PostgreSQL (-Donair.it.db=postgresql)");
        }
        OnAirServer second = new OnAirServer(first);
        second.start();
        return new Node(second);
    }

    /** A node a test started itself and stops when done. */
    public record Node(OnAirServer server) implements AutoCloseable {
        @Override
        public void close() {
            server.stop();
        }
    }

    public static synchronized OnAirServer get() {
        if (instance == null) {
            OnAirServer server = new OnAirServer(Map.of());
            server.start();
            instance = server;
        }
        return instance;
    }

    /** Stops the server if running and starts it afresh (new data) with these settings added (benchmarks). */
    public static synchronized OnAirServer restartWith(Map<String, String> extraEnvironment) {
        stopIfStarted();
        OnAirServer server = new OnAirServer(extraEnvironment);
        server.start();
        instance = server;
        return instance;
    }

    public URI http(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    public URI https(String path) {
        return URI.create("https://127.0.0.1:" + httpsPort + path);
    }

    /** An address on the internal listener (where only nginx's endpoints answer). */
    public static URI internal(String path) {
        return URI.create("http://127.0.0.1:" + INTERNAL_PORT + path);
    }

    /** What the studio tells OBS (the "Server" field), and where the tests' nginx listens. */
    public static String rtmpUrl() {
        return "rtmp://127.0.0.1:" + RTMP_PORT + "/live";
    }

    /** The "Server" field over TLS. */
    public static String rtmpsUrl() {
        return "rtmps://127.0.0.1:" + RTMPS_PORT + "/live";
    }

    /** The CDN base URL OnAir builds playback URLs on: the local edge. */
    public static String cdn() {
        return "http://127.0.0.1:" + EDGE_PORT + "/";
    }

    /** nginx's loopback statistics and control endpoint. */
    public static URI nginx(String path) {
        return URI.create("http://127.0.0.1:" + NGINX_HTTP_PORT + path);
    }

    /** The server's process id (Liberty's pid file), for benchmarks that measure the process. */
    public long pid() {
        try {
            return Long.parseLong(Files.readString(work.resolve("output/.pid/onair.pid")).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dataDir() {
        return work.resolve("data");
    }

    public String database() {
        return database;
    }

    public Path messagesLog() {
        return work.resolve("output/onair/logs/messages.log");
    }

    /**
     * Stops the server, runs {@code whileStopped}, and starts the server again with the same
     * settings and data (a restart in the middle of things); nginx goes and comes back with it.
     */
    public static synchronized OnAirServer restartKeepingData(Runnable whileStopped) {
        OnAirServer current = get();
        current.stop();
        whileStopped.run();
        current.launch();
        return current;
    }

    /**
     * Kills the server as a crash would (kill -9: no shutdown hook, no orderly stop; nginx is left
     * behind and the next start stops it), runs {@code whileStopped}, and starts it again with the
     * same settings and data.
     */
    public static synchronized OnAirServer killKeepingData(Runnable whileStopped) {
        OnAirServer current = get();
        ProcessHandle process = ProcessHandle.of(current.pid()).orElseThrow(() -> new IllegalStateException("no server process"));
        process.destroyForcibly();
        try {
            process.onExit().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the killed server did not exit", e);
        }
        whileStopped.run();
        current.launch(true);
        return current;
    }

    private void start() {
        try {
            deleteRecursively(work);
            Files.createDirectories(work);
            prepareUserDir();
            admins("kakao:" + SignIns.ADMIN.id(), "kakao:" + SECOND_ADMIN_KAKAO_ID);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        launch();
    }

    /**
     * The test server's own copy of the server configuration (WLP_USER_DIR), so that a test can
     * change Liberty variables while it runs (configDropins) without touching the build's server
     * that `./onair run` uses; the application and the drivers are links to the build's.
     */
    private void prepareUserDir() throws IOException {
        Path built = wlp.resolve("usr/servers/onair");
        Path server = userDir().resolve("servers/onair");
        Files.createDirectories(server.resolve("configDropins/overrides"));
        Files.createDirectories(server.resolve("configDropins/defaults"));
        for (String file : List.of("server.xml", "jvm.options", "server.env", "bootstrap.properties")) {
            if (Files.exists(built.resolve(file))) {
                Files.copy(built.resolve(file), server.resolve(file));
            }
        }
        try (Stream<Path> defaults = Files.list(built.resolve("configDropins/defaults"))) {
            for (Path dropin : defaults.toList()) {
                Files.copy(dropin, server.resolve("configDropins/defaults").resolve(dropin.getFileName()));
            }
        }
        Files.createSymbolicLink(server.resolve("apps"), built.resolve("apps"));
        Files.createSymbolicLink(server.resolve("lib"), built.resolve("lib"));
    }

    private Path userDir() {
        return work.resolve("usr");
    }

    /**
     * Sets {@code onair.admins} as a Liberty variable in a configuration drop-in, which the running
     * server picks up within a second or two (a changed list takes effect at each account's next refresh).
     */
    public void admins(String... identities) {
        Path dropin = userDir().resolve("servers/onair/configDropins/overrides/admins.xml");
        Path temporary = dropin.resolveSibling("admins.xml.tmp");
        try {
            Files.writeString(temporary, "<server>\n    <variable name=\"onair.admins\" value=\"" + String.join(",", identities)
                    + "\"/>\n</server>\n");
            Files.move(temporary, dropin, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void launch() {
        launch(false);
    }

    /** Starts the server; {@code clean}: discarding Liberty's caches first (after a crash, as Liberty asks). */
    private void launch(boolean clean) {
        try {
            LocalS3.get();
            Map<String, String> env = new java.util.HashMap<>(Map.of(
                    "WLP_OUTPUT_DIR", work.resolve("output").toString(),
                    "WLP_USER_DIR", userDir().toString(),
                    "ONAIR_HTTP_PORT", String.valueOf(httpPort),
                    "ONAIR_HTTPS_PORT", String.valueOf(httpsPort),
                    "ONAIR_INTERNAL_PORT", String.valueOf(INTERNAL_PORT),
                    "ONAIR_DATA_DIR", work.resolve("data").toString(),
                    // OnAir signs with the development key, so that tests can forge tokens that
                    // differ from real ones in exactly one respect.
                    "ONAIR_AUTH_SIGNING_KEY", Tokens.privateKeyFile().toString(),
                    "ONAIR_HTTP_TRUSTED_PROXIES", "127.0.0.1",
                    // the tests' own requests come from loopback, many at once; a test that is
                    // about the limits comes from another address (X-Forwarded-For through the proxy)
                    "ONAIR_RATE_LIMITS_EXEMPT", "127.0.0.1"));
            env.putAll(Map.of(
                    // short enough for a test to watch the purge jobs work
                    "ONAIR_LOGINS_PURGE_INTERVAL", "PT2S",
                    "ONAIR_AUTH_PURGE_INTERVAL", "PT2S"));
            env.putAll(TestProviders.get().onAirEnvironment("http://127.0.0.1:" + httpPort));
            env.putAll(Map.of(
                    "ONAIR_INGEST_RTMPS_PORT", String.valueOf(RTMPS_PORT),
                    "ONAIR_INGEST_RTMPS_URL", rtmpsUrl(),
                    "ONAIR_INGEST_RTMP_INTERNAL_PORT", String.valueOf(RTMP_INTERNAL_PORT),
                    // IngestLoadIT and bench/ingest publish 30 streams from this one address
                    "ONAIR_INGEST_RTMP_CONNECTIONS_PER_ADDRESS", "40"));
            env.putAll(Map.of(
                    // every address, as in production: ListenersIT and IngestEdgesIT come from this machine's network address
                    "ONAIR_INGEST_RTMP_HOST", "",
                    "ONAIR_INGEST_RTMP_PORT", String.valueOf(RTMP_PORT),
                    "ONAIR_INGEST_NGINX_HTTP_PORT", String.valueOf(NGINX_HTTP_PORT),
                    "ONAIR_INGEST_RTMP_URL", rtmpUrl(),
                    // short enough for tests to see every transition
                    "ONAIR_CHANNELS_RECONNECT_WINDOW", "PT10S",
                    "ONAIR_INGEST_UPDATE_INTERVAL", "PT2S",
                    "ONAIR_INGEST_WATCHDOG_INTERVAL", "PT1S"));
            env.putAll(LocalS3.onAirEnvironment());
            env.putAll(Map.of(
                    "ONAIR_EDGE_HOST", "127.0.0.1",
                    "ONAIR_EDGE_PORT", String.valueOf(EDGE_PORT),
                    "ONAIR_CDN_BASE_URL", cdn(),
                    // the outage test sees readiness go down and come back within its minute
                    "ONAIR_DELIVERY_LAG_THRESHOLD", "PT15S",
                    "ONAIR_THUMBNAILS_INTERVAL", "PT10S"));
            env.putAll(Map.of(
                    // webhooks: the tests' receivers listen on 127.0.0.3 (WebhookReceiver), the one private
                    // address allowed; plain http; failures, retries and dead letters within seconds
                    "ONAIR_WEBHOOKS_ALLOW_HTTP", "true",
                    "ONAIR_WEBHOOKS_ALLOW", WebhookReceiver.HOST + "/32",
                    "ONAIR_WEBHOOKS_TIMEOUT", "PT1S",
                    "ONAIR_WEBHOOKS_LEASE", "PT5S",
                    "ONAIR_WEBHOOKS_BACKOFF_FIRST", "PT0.2S",
                    "ONAIR_WEBHOOKS_BACKOFF_MAX", "PT1S",
                    "ONAIR_WEBHOOKS_RETRY_PERIOD", "PT8S",
                    "ONAIR_WEBHOOKS_DISABLE_AFTER", "PT20S",
                    "ONAIR_WEBHOOKS_POLL_INTERVAL", "PT0.5S"));
            env.putAll(extraEnvironment);
            if ("postgresql".equals(database)) {
                String schema = "onair_it";
                if (primary && !Files.exists(work.resolve("output"))) {
                    resetPostgresSchema(schema);
                }
                env.put("ONAIR_DB_URL", required("onair.it.postgresql.url") + "?currentSchema=" + schema);
                env.put("ONAIR_DB_USER", required("onair.it.postgresql.user"));
                env.put("ONAIR_DB_PASSWORD", "unused-with-trust-auth");
            } else {
                // added to what the caller gives (a benchmark's -Dbench.jvm.args), not in its place
                String derby = "-Dderby.drda.startNetworkServer=true -Dderby.drda.host=127.0.0.1 -Dderby.drda.portNumber=" + DERBY_PORT;
                env.merge("JVM_ARGS", derby, (given, added) -> given + " " + added);
            }
            int exit = clean ? run(env, "start", "--clean") : run(env, "start");
            if (exit != 0) {
                throw new IllegalStateException("server start exited " + exit + "; see " + messagesLog());
            }
            awaitReady(Duration.ofSeconds(120));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server if this JVM started it. */
    public static synchronized void stopIfStarted() {
        if (instance != null) {
            instance.stop();
            instance = null;
        }
    }

    private void stop() {
        try {
            run(Map.of("WLP_OUTPUT_DIR", work.resolve("output").toString(), "WLP_USER_DIR", userDir().toString()), "stop");
        } catch (IOException e) {
            System.err.println("could not stop the OnAir test server: " + e);
        }
    }

    private int run(Map<String, String> env, String action, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(wlp.resolve("bin/server").toString(), action, "onair"));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("server-" + action + ".out").toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("server " + action + " did not finish in 180 s");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(http("/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException("OnAir not ready after " + timeout + ": " + last + "; see " + messagesLog());
    }

    private static void resetPostgresSchema(String schema) {
        try (Connection connection = DriverManager.getConnection(required("onair.it.postgresql.url"),
                required("onair.it.postgresql.user"), "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare PostgreSQL schema " + schema, e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (run through Maven failsafe)");
        }
        return value;
    }
}
