package dev.onair.ingest.boundary;

import dev.onair.ingest.control.IngestMode;
import dev.onair.ingest.control.IngestSettings;
import dev.onair.ingest.control.NginxConfig;
import dev.onair.ingest.control.NginxControl;
import dev.onair.shared.SecretFiles;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs nginx-rtmp for OnAir ({@code onair.ingest.mode=managed}, the default): renders its
 * configuration, starts it on a thread from the server's {@link ManagedThreadFactory}, restarts
 * it with exponential backoff (1 s doubling to 30 s, back to 1 s after a minute of good running)
 * when it dies, applies configuration changes, and stops it when the application stops. Every
 * publish session dies with nginx, so each exit ends them all at once (their channels go
 * RECONNECTING and the encoders can come back within the reconnect window).
 * <p>
 * In external mode the configuration is only rendered, for the operators' nginx; in mode none
 * nothing happens. {@link #status()} feeds {@code /health/ready}.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NginxSupervisor {

    private static final Logger LOG = Logger.getLogger(NginxSupervisor.class.getName());
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    static final Duration GOOD_RUN = Duration.ofSeconds(60);
    static final Duration STOP_GRACE = Duration.ofSeconds(5);

    /** What the supervisor knows, for health and diagnostics. */
    public record Status(IngestMode mode, boolean running, Long pid, Instant since, int starts, String problem) {
    }

    @Resource
    ManagedThreadFactory threads;

    @Inject
    IngestSettings settings;

    @Inject
    NginxControl control;

    @EJB
    PublishGate gate;

    private final Object sleeper = new Object();
    private final AtomicInteger starts = new AtomicInteger();
    private volatile boolean stopping;
    private volatile boolean restartRequested;
    private volatile Process process;
    private volatile Instant since;
    private volatile String problem;
    private volatile String applied;
    private Thread supervisor;

    @PostConstruct
    void start() {
        IngestMode mode = settings.mode();
        if (mode == IngestMode.NONE) {
            LOG.info("Ingest is off on this node (onair.ingest.mode=none)");
            return;
        }
        try {
            NginxConfig config = settings.nginxConfig();
            prepareDirectories(config);
            applied = config.render();
            SecretFiles.replace(settings.configFile(), applied);
        } catch (IOException | RuntimeException e) {
            problem = "cannot render nginx's configuration: " + e.getMessage();
            LOG.log(Level.SEVERE, problem, e);
            return;
        }
        if (mode == IngestMode.EXTERNAL) {
            LOG.log(Level.INFO, "Ingest attaches to an nginx run by operators: configuration rendered at {0}, "
                    + "statistics and control at {1}", new Object[] {settings.configFile(), settings.controlUrl()});
            return;
        }
        supervisor = threads.newThread(this::supervise);
        supervisor.start();
    }

    @PreDestroy
    void stop() {
        stopping = true;
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
        Process running = process;
        if (running != null) {
            terminate(running.toHandle());
            LOG.info("nginx stopped");
        }
    }

    public Status status() {
        Process running = process;
        boolean alive = running != null && running.isAlive();
        return new Status(settings.mode(), alive, alive ? running.pid() : null, alive ? since : null, starts.get(), problem);
    }

    /**
     * Applies a changed configuration: validated with {@code nginx -t} first (a bad one is logged
     * and nginx keeps running with the old), then by restarting nginx; encoders that were
     * publishing reconnect within the reconnect window. Not by a HUP reload: without a master
     * process, a reloaded nginx-rtmp (1.2.2 on nginx 1.22) loses its running streams from the
     * statistics and stops answering new publishes. Called by the watchdog on every tick.
     */
    public void applyConfigurationChanges() {
        IngestMode mode = settings.mode();
        if (mode == IngestMode.NONE || stopping) {
            return;
        }
        String wanted;
        try {
            wanted = settings.nginxConfig().render();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The changed ingest configuration is not valid; nginx keeps the old one: {0}", e.getMessage());
            return;
        }
        if (wanted.equals(applied)) {
            return;
        }
        try {
            Path candidate = settings.configFile().resolveSibling("nginx.conf.new");
            SecretFiles.replace(candidate, wanted);
            if (mode == IngestMode.MANAGED) {
                Optional<String> refusal = test(candidate);
                if (refusal.isPresent()) {
                    LOG.log(Level.WARNING, "nginx refuses the changed configuration; it keeps the old one: {0}", refusal.get());
                    applied = wanted; // do not retry the same text every tick
                    return;
                }
            }
            SecretFiles.replace(settings.configFile(), wanted);
            Files.deleteIfExists(candidate);
            applied = wanted;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not write nginx's changed configuration: {0}", e.toString());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (mode == IngestMode.EXTERNAL) {
            LOG.log(Level.WARNING, "nginx's configuration changed at {0}: reload the external nginx", settings.configFile());
            return;
        }
        Process running = process;
        if (running == null || !running.isAlive()) {
            return;
        }
        LOG.info("nginx's configuration changed: restarting nginx (encoders that were publishing reconnect)");
        restartRequested = true;
        terminate(running.toHandle());
    }

    private void supervise() {
        stopStale();
        endOrphanedSessions();
        Duration backoff = FIRST_BACKOFF;
        while (!stopping) {
            Instant launched = Instant.now();
            try {
                Optional<String> refusal = test(settings.configFile());
                if (refusal.isPresent()) {
                    problem = "nginx refuses its configuration: " + refusal.get();
                    LOG.severe(problem);
                } else {
                    run();
                }
            } catch (IOException e) {
                problem = "cannot start nginx: " + e.getMessage();
                LOG.log(Level.SEVERE, problem);
            } catch (InterruptedException e) {
                if (!stopping) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            if (stopping) {
                return;
            }
            if (restartRequested) {
                restartRequested = false;
                backoff = FIRST_BACKOFF;
                continue;
            }
            if (Duration.between(launched, Instant.now()).compareTo(GOOD_RUN) >= 0) {
                backoff = FIRST_BACKOFF;
            }
            LOG.log(Level.INFO, "Restarting nginx in {0} ms", backoff.toMillis());
            pause(backoff);
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    /** Starts nginx and waits for it to exit; then ends the sessions it took with it. */
    private void run() throws IOException, InterruptedException {
        Path dir = settings.nginxDir();
        Process started = new ProcessBuilder(command("-e", dir.resolve("logs/error.log").toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("logs/nginx.out").toFile()))
                .start();
        process = started;
        since = Instant.now();
        int count = starts.incrementAndGet();
        problem = null;
        LOG.log(Level.INFO, "nginx started (pid {0}, start #{1}): RTMP on port {2}",
                new Object[] {String.valueOf(started.pid()), count, String.valueOf(settings.nginxConfig().rtmpPort())});
        int code = started.waitFor();
        process = null;
        if (stopping) {
            return;
        }
        problem = "nginx exited with code " + code + " (see " + dir.resolve("logs/error.log") + ")";
        LOG.warning(problem);
        endOrphanedSessions();
    }

    private void endOrphanedSessions() {
        try {
            int ended = gate.endAll("ingest-restarted");
            if (ended > 0) {
                LOG.log(Level.INFO, "{0} publish session(s) ended with the previous nginx", ended);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not end the publish sessions of the previous nginx; the watchdog will", e);
        }
    }

    /** nginx's verdict on a configuration file: empty when it is fine, else what nginx said. */
    private Optional<String> test(Path config) throws IOException, InterruptedException {
        Process check = new ProcessBuilder(commandFor(config, "-t", "-q", "-e", settings.nginxDir().resolve("logs/error.log").toString()))
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!check.waitFor(30, TimeUnit.SECONDS)) {
            check.destroyForcibly();
            return Optional.of("nginx -t did not finish");
        }
        return check.exitValue() == 0 ? Optional.empty() : Optional.of(output.isEmpty() ? "exit code " + check.exitValue() : output);
    }

    private List<String> command(String... extra) {
        return commandFor(settings.configFile(), extra);
    }

    private List<String> commandFor(Path config, String... extra) {
        var command = new java.util.ArrayList<>(List.of(settings.nginxBinary().toString(),
                "-p", settings.nginxDir().toString(), "-c", config.toString()));
        command.addAll(List.of(extra));
        return command;
    }

    /** An nginx left running by an OnAir that did not stop cleanly holds the ports: stop it. */
    private void stopStale() {
        Path pidFile = settings.pidFile();
        try {
            if (!Files.exists(pidFile)) {
                return;
            }
            long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim());
            ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info().command().map(c -> c.endsWith("/nginx") || c.equals("nginx")).orElse(false))
                    .ifPresent(handle -> {
                        LOG.log(Level.INFO, "Stopping the nginx (pid {0}) left from an earlier run", String.valueOf(pid));
                        terminate(handle);
                    });
        } catch (IOException | NumberFormatException e) {
            LOG.log(Level.FINE, "No usable nginx pid file", e);
        }
    }

    private static void terminate(ProcessHandle handle) {
        handle.destroy();
        try {
            handle.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            handle.destroyForcibly();
        }
    }

    private void pause(Duration duration) {
        synchronized (sleeper) {
            try {
                if (!stopping) {
                    sleeper.wait(duration.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void prepareDirectories(NginxConfig config) throws IOException {
        for (String sub : new String[] {"conf", "logs", "temp", "cache"}) {
            Files.createDirectories(config.dir().resolve(sub));
        }
        Files.createDirectories(config.hlsDir());
    }
}
