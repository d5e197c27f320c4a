package dev.onair.shared;

import jakarta.enterprise.concurrent.ManagedThreadFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One nginx that OnAir runs: its configuration rendered by its owner, checked with
 * {@code nginx -t}, run in the foreground without a master process on a thread of the server's
 * {@link ManagedThreadFactory} (OnAir is its master: a dead OnAir leaves no worker behind that
 * holds its ports), restarted with backoff (1 s doubling to 30 s, back to 1 s after a minute of
 * good running) when it dies, restarted when its configuration changes, stopped with OnAir. Ingest
 * (nginx-rtmp) and the local edge each run one, so that neither shares the other's connections.
 */
public final class NginxProcess {

    /** How long {@code nginx -t} may take to check a configuration. */
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(NginxProcess.class.getName());
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    static final Duration GOOD_RUN = Duration.ofSeconds(60);
    static final Duration STOP_GRACE = Duration.ofSeconds(5);

    /** What is known of the process, for health and diagnostics. */
    public record Status(boolean running, Long pid, Instant since, int starts, String problem) {
    }

    private final String name;
    private final Path binary;
    private final Path dir;
    private final Supplier<String> render;
    private final Runnable onExit;
    private final Object sleeper = new Object();
    private final AtomicInteger starts = new AtomicInteger();
    private volatile boolean stopping;
    private volatile boolean restartRequested;
    private volatile Process process;
    private volatile Instant since;
    private volatile String problem;
    private volatile String applied;

    /**
     * @param name   what it is, for logs ("ingest", "edge")
     * @param dir    its prefix: {@code conf/nginx.conf}, {@code logs/}, {@code temp/}, {@code cache/}
     * @param render the configuration the current settings call for (throws IllegalStateException when they are invalid)
     * @param onExit run after each exit of the process (not when OnAir stops it)
     */
    public NginxProcess(String name, Path binary, Path dir, Supplier<String> render, Runnable onExit) {
        this.name = name;
        this.binary = binary;
        this.dir = dir;
        this.render = render;
        this.onExit = onExit;
    }

    public Path configFile() {
        return dir.resolve("conf").resolve("nginx.conf");
    }

    public Path pidFile() {
        return dir.resolve("logs").resolve("nginx.pid");
    }

    /** Writes the configuration for an nginx run by operators (nothing is started). */
    public boolean renderOnly() {
        try {
            prepare();
            applied = render.get();
            SecretFiles.replace(configFile(), applied);
            return true;
        } catch (IOException | RuntimeException e) {
            problem = "cannot render nginx's configuration: " + e.getMessage();
            LOG.log(Level.SEVERE, name + ": " + problem, e);
            return false;
        }
    }

    /** Renders the configuration and runs nginx on a managed thread until {@link #stop()}. */
    public void start(ManagedThreadFactory threads) {
        if (renderOnly()) {
            threads.newThread(this::supervise).start();
        }
    }

    public void stop() {
        stopping = true;
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
        Process running = process;
        if (running != null) {
            terminate(running.toHandle());
            LOG.info(() -> name + " nginx stopped");
        }
    }

    public Status status() {
        Process running = process;
        boolean alive = running != null && running.isAlive();
        return new Status(alive, alive ? running.pid() : null, alive ? since : null, starts.get(), problem);
    }

    /**
     * Applies a changed configuration: validated with {@code nginx -t} first (a bad one is logged
     * and nginx keeps running with the old), then by restarting nginx (with {@code managed}), or
     * by telling the operators (without). Not by a HUP reload: without a master process, a
     * reloaded nginx-rtmp loses its running streams and stops answering new publishes.
     */
    public void applyChanges(boolean managed) {
        if (stopping) {
            return;
        }
        String wanted;
        try {
            wanted = render.get();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "{0}: the changed configuration is not valid; nginx keeps the old one: {1}",
                    new Object[] {name, e.getMessage()});
            return;
        }
        if (wanted.equals(applied)) {
            return;
        }
        try {
            Path candidate = configFile().resolveSibling("nginx.conf.new");
            SecretFiles.replace(candidate, wanted);
            if (managed) {
                Optional<String> refusal = test(candidate);
                if (refusal.isPresent()) {
                    LOG.log(Level.WARNING, "{0}: nginx refuses the changed configuration; it keeps the old one: {1}",
                            new Object[] {name, refusal.get()});
                    applied = wanted; // do not retry the same text every tick
                    return;
                }
            }
            SecretFiles.replace(configFile(), wanted);
            Files.deleteIfExists(candidate);
            applied = wanted;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "{0}: could not write nginx's changed configuration: {1}", new Object[] {name, e.toString()});
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!managed) {
            LOG.log(Level.WARNING, "{0}: nginx's configuration changed at {1}: reload that nginx", new Object[] {name, configFile()});
            return;
        }
        Process running = process;
        if (running == null || !running.isAlive()) {
            return;
        }
        LOG.info(() -> name + ": nginx's configuration changed: restarting nginx");
        restartRequested = true;
        terminate(running.toHandle());
    }

    private void supervise() {
        stopStale();
        onExit.run();
        Duration backoff = FIRST_BACKOFF;
        while (!stopping) {
            Instant launched = Instant.now();
            try {
                Optional<String> refusal = test(configFile());
                if (refusal.isPresent()) {
                    problem = "nginx refuses its configuration: " + refusal.get();
                    LOG.severe(name + ": " + problem);
                } else {
                    run();
                }
            } catch (IOException e) {
                problem = "cannot start nginx: " + e.getMessage();
                LOG.log(Level.SEVERE, name + ": " + problem);
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
            LOG.log(Level.INFO, "{0}: restarting nginx in {1} ms", new Object[] {name, backoff.toMillis()});
            pause(backoff);
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    /** Starts nginx and waits for it to exit. */
    private void run() throws IOException, InterruptedException {
        Process started = new ProcessBuilder(command(configFile(), "-e", dir.resolve("logs/error.log").toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("logs/nginx.out").toFile()))
                .start();
        process = started;
        since = Instant.now();
        int count = starts.incrementAndGet();
        problem = null;
        LOG.log(Level.INFO, "{0}: nginx started (pid {1}, start #{2})", new Object[] {name, String.valueOf(started.pid()), count});
        int code = started.waitFor();
        process = null;
        if (stopping) {
            return;
        }
        problem = "nginx exited with code " + code + " (see " + dir.resolve("logs/error.log") + ")";
        LOG.warning(name + ": " + problem);
        onExit.run();
    }

    /** nginx's verdict on a configuration file: empty when it is fine, else what nginx said. */
    private Optional<String> test(Path config) throws IOException, InterruptedException {
        Process check = new ProcessBuilder(command(config, "-t", "-q", "-e", dir.resolve("logs/error.log").toString()))
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!check.waitFor(CHECK_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            check.destroyForcibly();
            return Optional.of("nginx -t did not finish");
        }
        return check.exitValue() == 0 ? Optional.empty() : Optional.of(output.isEmpty() ? "exit code " + check.exitValue() : output);
    }

    private List<String> command(Path config, String... extra) {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "-p", dir.toString(), "-c", config.toString()));
        command.addAll(List.of(extra));
        return command;
    }

    /** An nginx left running by an OnAir that did not stop cleanly holds the ports: stop it. */
    private void stopStale() {
        try {
            if (!Files.exists(pidFile())) {
                return;
            }
            long pid = Long.parseLong(Files.readString(pidFile(), StandardCharsets.US_ASCII).trim());
            ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info().command().map(c -> c.endsWith("/nginx") || c.equals("nginx")).orElse(false))
                    .ifPresent(handle -> {
                        LOG.log(Level.INFO, "{0}: stopping the nginx (pid {1}) left from an earlier run", new Object[] {name, String.valueOf(pid)});
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


    private void prepare() throws IOException {
        for (String sub : new String[] {"conf", "logs", "temp", "cache"}) {
            Files.createDirectories(dir.resolve(sub));
        }
    }
}
