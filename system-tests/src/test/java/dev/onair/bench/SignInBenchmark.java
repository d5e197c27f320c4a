package dev.onair.bench;

import dev.onair.system.Api;
import dev.onair.system.Browser;
import dev.onair.system.KakaoShapedProvider;
import dev.onair.system.OnAirServer;
import dev.onair.system.SignIns;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sign-in benchmark (bench/sign-in): prints figures, asserts nothing about time. Against the
 * assembled server and the loopback Kakao-shaped provider it measures
 * <ul>
 *   <li>the callback (code exchange, profile, account, session, events): p50/p99 and sign-ins/s
 *       with {@code bench.clients} browsers running {@code bench.flows} whole sign-ins;</li>
 *   <li>refresh at a fixed arrival rate ({@code bench.refresh.rate}/s for
 *       {@code bench.refresh.seconds} s, open loop: latency counts from the scheduled moment, so a
 *       slow server cannot hide its queue);</li>
 * </ul>
 * in alternating phases of one run: with the login-history observers, without them
 * ({@code onair.logins.record=false}), with them, ... ({@code bench.rounds}), so their cost is
 * read off the same run and drift of the machine falls on both sides.
 * It is not an *IT: the normal test run never starts it.
 */
class SignInBenchmark {

    private static final int FLOWS = Integer.getInteger("bench.flows", 600);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 2);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 400);
    private static final int REFRESH_WARMUP_SECONDS = Integer.getInteger("bench.refresh.warmup", 5);
    private static final int REFRESH_RATE = Integer.getInteger("bench.refresh.rate", 200);
    private static final int REFRESH_SECONDS = Integer.getInteger("bench.refresh.seconds", 10);
    private static final int SESSIONS = 64;
    /** on, then (off, on) x rounds: alternating phases, so drift of the machine falls on both sides. */
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);

    record Figures(String phase, double callbackP50, double callbackP90, double callbackP99, double signInsPerSecond,
                   double refreshP50, double refreshP99, double refreshPerSecond, int refreshErrors,
                   double sequentialP50, double sequentialP99) {
    }

    @Test
    void signInAndRefresh() throws Exception {
        List<Figures> results = new ArrayList<>();
        Map<String, String> jvm = System.getProperty("bench.jvm.args") == null ? Map.of()
                : Map.of("JVM_ARGS", System.getProperty("bench.jvm.args"));
        // The first server start of a run meets a cold machine (page cache, JIT of the test JVM):
        // measured, shown, not counted.
        results.add(phase("warm-up (observers on)", jvm));
        for (int round = 0; round < (Boolean.getBoolean("bench.quick") ? 0 : ROUNDS); round++) {
            results.add(phase("history observers off", with(jvm, "ONAIR_LOGINS_RECORD", "false")));
            results.add(phase("history observers on", jvm));
        }
        OnAirServer.stopIfStarted();
        report(results);
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> all = new LinkedHashMap<>(base);
        all.put(key, value);
        return all;
    }

    private Figures phase(String name, Map<String, String> environment) throws Exception {
        OnAirServer.restartWith(environment);
        List<KakaoShapedProvider.User> users = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            users.add(SignIns.newKakaoUser(true));
        }
        signIns(users, WARMUP);
        long started = System.nanoTime();
        List<Double> callbacks = signIns(users, FLOWS);
        double seconds = (System.nanoTime() - started) / 1e9;
        refreshes(users, REFRESH_WARMUP_SECONDS);
        Refreshes refreshes = refreshes(users, REFRESH_SECONDS);
        List<Double> sequential = sequentialRefreshes(users.get(0), 1000);
        Collections.sort(callbacks);
        return new Figures(name, percentile(callbacks, 50), percentile(callbacks, 90), percentile(callbacks, 99),
                FLOWS / seconds, percentile(refreshes.latencies, 50), percentile(refreshes.latencies, 99),
                refreshes.latencies.size() / (double) REFRESH_SECONDS, refreshes.errors,
                percentile(sequential, 50), percentile(sequential, 99));
    }

    /** {@code flows} whole browser sign-ins over the users' browsers; the callback's latency of each, in ms. */
    private static List<Double> signIns(List<KakaoShapedProvider.User> users, int flows) throws Exception {
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger remaining = new AtomicInteger(flows);
        ExecutorService pool = Executors.newFixedThreadPool(users.size());
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (KakaoShapedProvider.User user : users) {
                clients.add(pool.submit(() -> {
                    Browser browser = new Browser("bench/" + user.id(), null);
                    while (remaining.getAndDecrement() > 0) {
                        URI callback = SignIns.atKakao(browser, SignIns.startKakao(browser, "/"), user);
                        long t0 = System.nanoTime();
                        Api.Reply reply = browser.get(callback);
                        latencies.add((System.nanoTime() - t0) / 1e6);
                        if (reply.status() != 302) {
                            throw new IllegalStateException("sign-in failed: " + reply);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        return new ArrayList<>(latencies);
    }

    record Refreshes(List<Double> latencies, int errors) {
    }

    /** Refreshes arriving at a fixed rate, each on one of {@value #SESSIONS} sessions (JSON form). */
    private static Refreshes refreshes(List<KakaoShapedProvider.User> users, int durationSeconds) throws Exception {
        BlockingQueue<String> sessions = new ArrayBlockingQueue<>(SESSIONS);
        for (int i = 0; i < SESSIONS; i++) {
            Browser program = new Browser("bench-refresh", null);
            URI callback = SignIns.atKakao(program, SignIns.startKakao(program, null), users.get(i % users.size()));
            sessions.add(program.get(callback, Map.of("Accept", "application/json")).json().getString("refreshToken"));
        }
        Api api = new Api();
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(48);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / REFRESH_RATE;
        int total = REFRESH_RATE * durationSeconds;
        long start = System.nanoTime() + 50_000_000L;
        AtomicInteger sent = new AtomicInteger();
        try {
            clock.scheduleAtFixedRate(() -> {
                int n = sent.getAndIncrement();
                if (n >= total) {
                    return;
                }
                long scheduled = start + n * periodNanos;
                workers.submit(() -> {
                    String token = null;
                    try {
                        token = sessions.take();
                        Api.Reply reply = api.post("/api/auth/refresh", null,
                                Json.createObjectBuilder().add("refreshToken", token).build().toString());
                        if (reply.status() == 200) {
                            token = reply.json().getString("refreshToken");
                            latencies.add((System.nanoTime() - scheduled) / 1e6);
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        errors.incrementAndGet();
                    } finally {
                        if (token != null) {
                            sessions.add(token);
                        }
                    }
                });
            }, start - System.nanoTime(), periodNanos, TimeUnit.NANOSECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(durationSeconds + 60L);
            while (latencies.size() + errors.get() < total && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            clock.shutdownNow();
            workers.shutdownNow();
        }
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Refreshes(sorted, errors.get());
    }

    /** One client refreshing one session back to back: the service time without queueing. */
    private static List<Double> sequentialRefreshes(KakaoShapedProvider.User user, int count) {
        Browser program = new Browser("bench-sequential", null);
        URI callback = SignIns.atKakao(program, SignIns.startKakao(program, null), user);
        String token = program.get(callback, Map.of("Accept", "application/json")).json().getString("refreshToken");
        Api api = new Api();
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            Api.Reply reply = api.post("/api/auth/refresh", null, Json.createObjectBuilder().add("refreshToken", token).build().toString());
            latencies.add((System.nanoTime() - t0) / 1e6);
            token = reply.json().getString("refreshToken");
        }
        Collections.sort(latencies);
        return latencies;
    }

    private static double mean(List<Figures> figures, java.util.function.ToDoubleFunction<Figures> value) {
        return figures.stream().mapToDouble(value).average().orElse(Double.NaN);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
    }

    private static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static void report(List<Figures> results) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nSign-in benchmark: %d sign-ins by %d browsers (after %d warm-up), "
                + "refresh at %d/s for %d s over %d sessions (after %d s warm-up); %d cores%n%n", FLOWS, CLIENTS, WARMUP,
                REFRESH_RATE, REFRESH_SECONDS, SESSIONS, REFRESH_WARMUP_SECONDS, Runtime.getRuntime().availableProcessors()));
        out.append(String.format(Locale.ROOT, "%-30s %10s %10s %10s %11s   %10s %10s %10s %7s   %10s %10s%n", "phase",
                "cb p50 ms", "cb p90 ms", "cb p99 ms", "sign-ins/s", "rf p50 ms", "rf p99 ms", "rf /s", "rf err",
                "1x p50 ms", "1x p99 ms"));
        for (Figures f : results) {
            out.append(String.format(Locale.ROOT, "%-30s %10.1f %10.1f %10.1f %11.1f   %10.1f %10.1f %10.1f %7d   %10.1f %10.1f%n",
                    f.phase(), f.callbackP50(), f.callbackP90(), f.callbackP99(), f.signInsPerSecond(),
                    f.refreshP50(), f.refreshP99(), f.refreshPerSecond(), f.refreshErrors(),
                    f.sequentialP50(), f.sequentialP99()));
        }
        out.append("(cb: sign-in callback; rf: refresh at the fixed rate, from the scheduled moment; "
                + "1x: one client refreshing back to back)\n");
        if (results.size() < 3) {
            System.out.print(out);
            return;
        }
        List<Figures> on = results.stream().filter(f -> f.phase().endsWith(" on")).toList();
        List<Figures> off = results.stream().filter(f -> f.phase().endsWith(" off")).toList();
        double onP50 = mean(on, Figures::callbackP50);
        double offP50 = mean(off, Figures::callbackP50);
        double onP99 = mean(on, Figures::callbackP99);
        double offP99 = mean(off, Figures::callbackP99);
        out.append(String.format(Locale.ROOT, "%nHistory observers' share of the callback (mean of %d 'on' vs %d 'off' phases): "
                        + "p50 %.1f vs %.1f ms (%+.1f%%), p99 %.1f vs %.1f ms (%+.1f%%)  (aim: under +10%%)%n",
                on.size(), off.size(), onP50, offP50, 100 * (onP50 / offP50 - 1), onP99, offP99, 100 * (onP99 / offP99 - 1)));
        out.append(String.format(Locale.ROOT, "Refresh p99 at %d/s: median of the phases %.1f ms, best %.1f ms; "
                        + "one client back to back: p99 %.1f ms  (aim: under 20 ms at %d/s)%n", REFRESH_RATE,
                median(results.stream().map(Figures::refreshP99).toList()),
                results.stream().mapToDouble(Figures::refreshP99).min().orElse(Double.NaN),
                median(results.stream().map(Figures::sequentialP99).toList()), REFRESH_RATE));
        System.out.print(out);
        Path file = Path.of("target", "bench", "sign-in.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
        System.out.println("(also in " + file.toAbsolutePath() + ")");
    }
}
