package dev.onair.bench;

import dev.onair.system.Api;
import dev.onair.system.Broadcast;
import dev.onair.system.LocalS3;
import dev.onair.system.OnAirServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The delivery benchmark (bench/delivery): prints figures, asserts nothing about time.
 * <ol>
 * <li>Segment availability latency: synthetic streams written the way nginx-rtmp writes them
 *     (a complete segment of about 1 MiB, then the playlist written aside and renamed into
 *     place, every 2 s), each backed by a real publish of OnAir (accepted through
 *     nginx's callback, as nginx would ask); from the rename until OnAir's live playlist in the
 *     real s3proxy names the segment (by then the segment is there: the sync writes the playlist
 *     after it), polled every 5 ms; p50/p95/p99 at 1, 10 and 50 concurrent streams, each for
 *     {@code bench.seconds} or as long as it takes to count {@link #MIN_SAMPLES} segments
 *     (200 s at one stream).</li>
 * <li>Throughput of a backlog (4 streams, 64 segments of 1 MiB each listed at once) in MiB/s,
 *     and {@code rclone copy --transfers 8} of the same files to the same store, alternating,
 *     three rounds each; each round with the CPU seconds OnAir (with its children) and rclone
 *     used, and the machine's busy CPU seconds (the store and the benchmark included).</li>
 * <li>OnAir's RSS and heap after a full GC each minute while it syncs the 50 streams for
 *     {@code bench.soak.minutes} (10) more, and the latency of that time on a row of its own
 *     (the forced collections stop OnAir's threads: a pause no production server has each minute).</li>
 * </ol>
 * It is not an *IT: the normal test run never starts it.
 */
class DeliveryBenchmark {

    private static final int SECONDS = Integer.getInteger("bench.seconds", 60);
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", 10);
    private static final int SOAK_MINUTES = Integer.getInteger("bench.soak.minutes", 10);
    private static final int[] STREAMS = java.util.Arrays.stream(System.getProperty("bench.streams", "1,10,50").split(","))
            .mapToInt(Integer::parseInt).toArray();
    private static final boolean BACKLOG = Boolean.parseBoolean(System.getProperty("bench.backlog", "true"));
    private static final int BACKLOG_STREAMS = 4;
    private static final int BACKLOG_SEGMENTS = 64;
    private static final int ROUNDS = 3;
    private static final int SECONDS_PER_MINUTE = 60;
    private static final long BACKLOG_POLL_MILLIS = 20;
    private static final Duration CADENCE = Duration.ofSeconds(2);
    private static final int WINDOW = 15;
    /**
     * Segments a phase counts at least: its p99 is then the second-highest latency or below, not
     * the highest (of 30, one stream's minute, the "p99" is the maximum).
     */
    private static final int MIN_SAMPLES = 100;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final StringBuilder out = new StringBuilder();
    private Path sample;

    @Test
    void delivery() throws Exception {
        line("%nDelivery benchmark: %d cores; synthetic nginx writer, ~1 MiB segments every %d s, real s3proxy%n",
                Runtime.getRuntime().availableProcessors(), CADENCE.toSeconds());
        OnAirServer server = OnAirServer.restartWith(BenchSupport.withJvmArgs(Map.of(
                // the streams are written by this benchmark, not by encoders nginx knows: keep the watchdog away
                "ONAIR_INGEST_WATCHDOG_INTERVAL", "PT2H",
                "ONAIR_THUMBNAILS_INTERVAL", System.getProperty("bench.thumbnails", "PT30S"))));
        LocalS3 s3 = LocalS3.get();
        Api api = new Api();
        String secret = Files.readString(server.dataDir().resolve("secrets/ingest-callback-secret")).trim();
        sample = sampleSegment(server.dataDir().resolveSibling("bench"));
        line("sample segment: %.2f MiB; OnAir before any stream: RSS %.1f MiB, heap after a full GC %.1f MiB%n",
                Files.size(sample) / 1048576.0, BenchSupport.rssMiB(server.pid()), BenchSupport.heapAfterGc(server.pid()));
        try {
            measure(server, s3, api, secret);
        } finally {
            OnAirServer.stopIfStarted();
            report();
        }
    }

    private void measure(OnAirServer server, LocalS3 s3, Api api, String secret) throws Exception {

        // 0. warm-up (not counted): the server's code paths compiled before the first figure
        List<Broadcast> warm = BenchSupport.open(api, 10, "warm-up");
        goLive(api, secret, warm);
        stream(server, warm, WARMUP_SECONDS * 2, null, new ArrayList<>());
        endAll(api, warm);

        // 1. availability latency, 2 s cadence, at 1, 10 and 50 streams; the 50 also soak
        line("%n%-8s %8s %9s %9s %9s %9s %8s%n", "streams", "segments", "p50 ms", "p95 ms", "p99 ms", "max ms", "missed");
        List<String> soak = new ArrayList<>();
        List<Double> soakLatencies = new ArrayList<>();
        for (int count : STREAMS) {
            List<Broadcast> broadcasts = BenchSupport.open(api, count, "delivery " + count);
            goLive(api, secret, broadcasts);
            boolean last = count == STREAMS[STREAMS.length - 1];
            int seconds = phaseSeconds(count);
            List<Double> latencies = stream(server, broadcasts, seconds, last ? soak : null, soakLatencies);
            endAll(api, broadcasts);
            row(String.valueOf(count), latencies, count * seconds);
            if (last && SOAK_MINUTES > 0) {
                row(count + ", soak", soakLatencies, count * SOAK_MINUTES * SECONDS_PER_MINUTE);
            }
        }
        line("(from nginx's playlist rename to OnAir's live playlist in S3 naming the segment, which is there first; "
                + "polled every 5 ms; each phase counts at least %d segments; after %d s of 10 streams to warm up, and %d s of each phase, not counted; "
                + "aim: p99 <= 50 ms at 1 stream, <= 150 ms at 50; the soak row: the %d minutes after the last phase, "
                + "while the heap is read each minute after a full GC that stops OnAir's threads)%n",
                MIN_SAMPLES, 3 * WARMUP_SECONDS, WARMUP_SECONDS, SOAK_MINUTES);
        line("%nOnAir while syncing %d streams (heap: used after a full GC):%n%-8s %10s %10s%n",
                STREAMS[STREAMS.length - 1], "minute", "RSS MiB", "heap MiB");
        soak.forEach(out::append);
        line("(aim: RSS under 600 MB, heap flat)%n");

        // 2. backlog throughput, OnAir and rclone alternating
        if (!BACKLOG) {
            return;
        }
        line("%n%-24s %10s %10s %14s %14s %14s%n", "backlog of " + BACKLOG_STREAMS * BACKLOG_SEGMENTS + " x 1 MiB", "seconds", "MiB/s",
                "OnAir CPU s", "rclone CPU s", "machine CPU s");
        double ticks = BenchSupport.clockTicks();
        List<Double> onAir = new ArrayList<>();
        List<Double> rclone = new ArrayList<>();
        Path staged = server.dataDir().resolveSibling("bench").resolve("rclone-source");
        for (int round = 1; round <= ROUNDS; round++) {
            long[] used = new long[2];
            double seconds = backlog(api, secret, server, s3, staged, used);
            onAir.add(BACKLOG_STREAMS * BACKLOG_SEGMENTS / seconds);
            line("%-24s %10.2f %10.1f %14.2f %14s %14.2f%n", "OnAir, round " + round, seconds, onAir.get(onAir.size() - 1),
                    used[0] / ticks, "-", used[1] / ticks);
            long[] before = cpu(server.pid());
            long rcloneBefore = BenchSupport.childrenCpuTicks(ProcessHandle.current().pid());
            double rcloneSeconds = rclone(staged, "rclone-" + round);
            used = since(before, server.pid());
            long rcloneUsed = BenchSupport.childrenCpuTicks(ProcessHandle.current().pid()) - rcloneBefore;
            if (Double.isNaN(rcloneSeconds)) {
                line("%-24s %10s %10s%n", "rclone, round " + round, "-", "(rclone not installed)");
            } else {
                rclone.add(BACKLOG_STREAMS * BACKLOG_SEGMENTS / rcloneSeconds);
                line("%-24s %10.2f %10.1f %14.2f %14.2f %14.2f%n", "rclone, round " + round, rcloneSeconds, rclone.get(rclone.size() - 1),
                        used[0] / ticks, rcloneUsed / ticks, used[1] / ticks);
            }
        }
        Collections.sort(onAir);
        Collections.sort(rclone);
        double ratio = rclone.isEmpty() ? Double.NaN : BenchSupport.percentile(onAir, 50) / BenchSupport.percentile(rclone, 50);
        line("median MiB/s: OnAir %s, rclone --transfers 8 %s, ratio %s (aim: at least 1)%n",
                BenchSupport.figure(BenchSupport.percentile(onAir, 50)), BenchSupport.figure(BenchSupport.percentile(rclone, 50)),
                BenchSupport.figure(ratio));
    }

    /** {@code bench.seconds}, or longer when {@code streams} would cut fewer than {@link #MIN_SAMPLES} segments in it. */
    private static int phaseSeconds(int streams) {
        return Math.max(SECONDS, (int) Math.ceil(MIN_SAMPLES * CADENCE.toSeconds() / (double) streams));
    }

    /**
     * Writes every stream's segments for {@code seconds} after the warm-up; their latencies. With
     * {@code soak}, goes on for {@link #SOAK_MINUTES} more, reading OnAir's RSS and heap (after a
     * full GC it forces) each minute into {@code soak} and the latencies of that time into
     * {@code soakLatencies}: the forced collections stop OnAir's threads, so they stay out of the
     * phase's own figures.
     */
    private List<Double> stream(OnAirServer server, List<Broadcast> broadcasts, int seconds, List<String> soak,
                                List<Double> soakLatencies) throws Exception {
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Double> soaked = new ConcurrentLinkedQueue<>();
        ScheduledExecutorService writers = Executors.newScheduledThreadPool(4);
        ScheduledExecutorService probes = Executors.newScheduledThreadPool(16);
        long warmEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(WARMUP_SECONDS);
        long countEnd = warmEnd + TimeUnit.SECONDS.toNanos(seconds);
        try {
            for (int i = 0; i < broadcasts.size(); i++) {
                Broadcast broadcast = broadcasts.get(i);
                SyntheticStream stream = new SyntheticStream(server.dataDir().resolve("hls").resolve(broadcast.streamName()));
                String live = "http://127.0.0.1:19090/onair-it/" + broadcast.folder() + "live.m3u8";
                long offset = CADENCE.toMillis() * i / broadcasts.size();
                writers.scheduleAtFixedRate(() -> {
                    try {
                        long number = stream.next();
                        long renamed = System.nanoTime();
                        ConcurrentLinkedQueue<Double> into = renamed <= warmEnd ? null : renamed <= countEnd ? latencies
                                : soak != null ? soaked : null;
                        probe(probes, live, "/" + number + ".ts", renamed, into);
                    } catch (IOException e) {
                        System.err.println("writer: " + e);
                    }
                }, offset, CADENCE.toMillis(), TimeUnit.MILLISECONDS);
            }
            sleepUntil(countEnd);
            for (int minute = 1; soak != null && minute <= SOAK_MINUTES; minute++) {
                sleepUntil(countEnd + TimeUnit.MINUTES.toNanos(minute));
                soak.add(String.format(Locale.ROOT, "%-8d %10.1f %10.1f%n", minute, BenchSupport.rssMiB(server.pid()),
                        BenchSupport.heapAfterGc(server.pid())));
            }
        } finally {
            writers.shutdownNow();
            Thread.sleep(3000); // the last probes
            probes.shutdownNow();
        }
        soakLatencies.addAll(soaked);
        return new ArrayList<>(latencies);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    /** One line of the latency table; {@code expectedSeconds}: the streams times the seconds counted (a segment each 2 s). */
    private void row(String label, List<Double> latencies, int expectedSeconds) {
        Collections.sort(latencies);
        int expected = (int) (expectedSeconds / (double) CADENCE.toSeconds());
        line("%-8s %8d %9s %9s %9s %9s %8d%n", label, latencies.size(), BenchSupport.figure(BenchSupport.percentile(latencies, 50)),
                BenchSupport.figure(BenchSupport.percentile(latencies, 95)), BenchSupport.figure(BenchSupport.percentile(latencies, 99)),
                BenchSupport.figure(BenchSupport.percentile(latencies, 100)), Math.max(0, expected - latencies.size()));
    }

    /** Polls the live playlist every 5 ms until it names {@code uri}; records the latency; gives up after 30 s. */
    private void probe(ScheduledExecutorService probes, String live, String uri, long renamed, ConcurrentLinkedQueue<Double> into) {
        probes.execute(new Runnable() {
            @Override
            public void run() {
                long now = System.nanoTime();
                if (now - renamed > TimeUnit.SECONDS.toNanos(30)) {
                    return;
                }
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(live)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200 && response.body().contains(uri)) {
                        if (into != null) {
                            into.add((System.nanoTime() - renamed) / 1e6);
                        }
                        return;
                    }
                } catch (IOException e) {
                    // look again
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (!probes.isShutdown()) {
                    probes.schedule(this, 5, TimeUnit.MILLISECONDS);
                }
            }
        });
    }

    /** OnAir's CPU ticks (its own and its finished children's: thumbnails) and the whole machine's busy ticks. */
    private static long[] cpu(long pid) throws IOException {
        return new long[] {BenchSupport.cpuTicksWithChildren(pid), BenchSupport.machineBusyTicks()};
    }

    private static long[] since(long[] before, long pid) throws IOException {
        long[] now = cpu(pid);
        return new long[] {now[0] - before[0], now[1] - before[1]};
    }

    /**
     * A backlog listed at once on {@link #BACKLOG_STREAMS} new streams; seconds until every segment
     * is in S3, and into {@code used} the CPU ticks of that time (see {@link #cpu}).
     */
    private double backlog(Api api, String secret, OnAirServer server, LocalS3 s3, Path staged, long[] used) throws Exception {
        List<Broadcast> broadcasts = BenchSupport.open(api, BACKLOG_STREAMS, "backlog");
        goLive(api, secret, broadcasts);
        List<SyntheticStream> streams = new ArrayList<>();
        for (Broadcast broadcast : broadcasts) {
            streams.add(new SyntheticStream(server.dataDir().resolve("hls").resolve(broadcast.streamName())));
        }
        for (SyntheticStream stream : streams) {
            stream.prepare(BACKLOG_SEGMENTS);
        }
        Files.createDirectories(staged);
        try (var old = Files.list(staged)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        for (int i = 0; i < BACKLOG_STREAMS * BACKLOG_SEGMENTS; i++) {
            Files.copy(sample, staged.resolve(i + ".ts"));
        }
        long[] before = cpu(server.pid());
        long start = System.nanoTime();
        for (SyntheticStream stream : streams) {
            stream.list();
        }
        for (Broadcast broadcast : broadcasts) {
            awaitBacklog(s3, broadcast.folder(), start);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.arraycopy(since(before, server.pid()), 0, used, 0, used.length);
        endAll(api, broadcasts);
        return seconds;
    }

    /**
     * Waits until all {@link #BACKLOG_SEGMENTS} segments of the folder are in S3. Lightly, so as
     * not to load the store while it is measured: the bucket is listed only until the first
     * segment shows where the publish's segments go, then the last one is asked for alone
     * (a HEAD), and only then is the folder listed again to count them all.
     */
    private static void awaitBacklog(LocalS3 s3, String folder, long start) throws InterruptedException {
        String last = null;
        while (true) {
            if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(5)) {
                throw new IllegalStateException("the backlog did not reach S3 in 5 minutes");
            }
            if (last == null) {
                last = s3.keys(folder).stream().filter(k -> k.endsWith(".ts")).findFirst()
                        .map(k -> k.substring(0, k.lastIndexOf('/') + 1) + (BACKLOG_SEGMENTS - 1) + ".ts").orElse(null);
            } else if (s3.head(last).isPresent()
                    && s3.keys(folder).stream().filter(k -> k.endsWith(".ts")).count() >= BACKLOG_SEGMENTS) {
                return;
            }
            Thread.sleep(BACKLOG_POLL_MILLIS);
        }
    }

    /** Wall-clock seconds of {@code rclone copy --transfers 8} of {@code source} into the bucket; NaN without rclone. */
    private static double rclone(Path source, String prefix) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/bin/rclone"))) {
            return Double.NaN;
        }
        List<String> command = List.of("/usr/bin/rclone", "copy", source.toString(), ":s3:onair-it/" + prefix,
                "--transfers", "8", "--s3-provider", "Other", "--s3-endpoint", "http://127.0.0.1:19090",
                "--s3-access-key-id", "onair-it", "--s3-secret-access-key", "onair-it-credential-0123456789",
                "--s3-region", "us-east-1", "--s3-force-path-style", "--config", "/dev/null", "--quiet");
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("AWS_CA_BUNDLE"); // rclone cannot load it with its own HTTP transport
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("rclone failed: " + output);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void goLive(Api api, String secret, List<Broadcast> broadcasts) {
        long client = 5_000_000 + System.nanoTime() % 1_000_000;
        for (Broadcast broadcast : broadcasts) {
            Api.Reply reply = Api.send(OnAirServer.internal("/api/ingest/publish?secret=" + secret), "POST", null,
                    BenchSupport.form(broadcast, String.valueOf(client++), "publish"), "application/x-www-form-urlencoded");
            if (reply.status() != 200) {
                throw new IllegalStateException("on_publish refused: " + reply);
            }
        }
    }

    private static void endAll(Api api, List<Broadcast> broadcasts) {
        broadcasts.forEach(Broadcast::end);
    }

    /** One stream's folder, written as nginx-rtmp writes it. */
    private final class SyntheticStream {
        private final Path dir;
        private final List<Long> listed = new ArrayList<>();
        private long next;

        SyntheticStream(Path dir) throws IOException {
            this.dir = dir;
            Files.createDirectories(dir);
        }

        /** A new complete segment, then the playlist naming it renamed into place; its number. */
        synchronized long next() throws IOException {
            long number = next++;
            Files.copy(sample, dir.resolve(number + ".ts"), StandardCopyOption.REPLACE_EXISTING);
            listed.add(number);
            if (listed.size() > WINDOW) {
                listed.remove(0);
            }
            writePlaylist();
            return number;
        }

        /** {@code count} segments on disk, not listed yet. */
        synchronized void prepare(int count) throws IOException {
            for (int i = 0; i < count; i++) {
                long number = next++;
                Files.copy(sample, dir.resolve(number + ".ts"), StandardCopyOption.REPLACE_EXISTING);
                listed.add(number);
            }
        }

        synchronized void list() throws IOException {
            writePlaylist();
        }

        private void writePlaylist() throws IOException {
            StringBuilder text = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-MEDIA-SEQUENCE:")
                    .append(listed.get(0)).append("\n#EXT-X-TARGETDURATION:2\n");
            for (long number : listed) {
                if (number == 0) {
                    text.append("#EXT-X-DISCONTINUITY\n");
                }
                text.append("#EXTINF:2.000,\n").append(number).append(".ts\n");
            }
            Path bak = dir.resolve("index.m3u8.bak");
            Files.writeString(bak, text);
            Files.move(bak, dir.resolve("index.m3u8"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A 2 s MPEG-TS segment of about 1 MiB (720p at 4 Mb/s), made once with ffmpeg. */
    private static Path sampleSegment(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path file = dir.resolve("sample.ts");
        if (!Files.exists(file)) {
            Process ffmpeg = new ProcessBuilder("ffmpeg", "-nostdin", "-loglevel", "error", "-y",
                    "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30", "-f", "lavfi", "-i", "sine=frequency=440",
                    "-t", "2", "-c:v", "libx264", "-preset", "veryfast", "-g", "60", "-b:v", "4M", "-maxrate", "4M",
                    "-bufsize", "8M", "-c:a", "aac", "-f", "mpegts", file.toString()).redirectErrorStream(true).start();
            String output = new String(ffmpeg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (ffmpeg.waitFor() != 0) {
                throw new IllegalStateException("could not make the sample segment: " + output);
            }
        }
        return file;
    }

    private void line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args));
    }

    private void report() throws IOException {
        BenchSupport.report("delivery", out);
    }
}
