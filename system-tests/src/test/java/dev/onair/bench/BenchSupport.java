package dev.onair.bench;

import dev.onair.system.Api;
import dev.onair.system.Broadcast;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** What the benchmarks share: broadcasters, nginx's callback forms, the server process's CPU and heap. */
final class BenchSupport {

    private BenchSupport() {
    }

    /** The server's settings plus {@code -Dbench.jvm.args} (the server JVM's options, e.g. -Xlog:gc) when given. */
    static Map<String, String> withJvmArgs(Map<String, String> settings) {
        String jvm = System.getProperty("bench.jvm.args");
        if (jvm == null || jvm.isBlank()) {
            return settings;
        }
        Map<String, String> all = new java.util.HashMap<>(settings);
        all.put("JVM_ARGS", jvm);
        return all;
    }

    static List<Broadcast> open(Api api, int count, String title) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Broadcast>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = title + " " + i;
                futures.add(pool.submit(() -> Broadcast.open(api, name)));
            }
            List<Broadcast> broadcasts = new ArrayList<>();
            for (Future<Broadcast> future : futures) {
                broadcasts.add(future.get());
            }
            return broadcasts;
        } finally {
            pool.shutdown();
        }
    }

    static String form(Broadcast broadcast, String clientId, String call) {
        String key = broadcast.streamKey();
        return "app=live&flashver=FMLE%2F3.0&tcurl=rtmp%3A%2F%2F127.0.0.1%2Flive&addr=127.0.0.1&clientid=" + clientId
                + "&call=" + call + "&name=" + key.substring(0, key.indexOf('?')) + "&type=live&key="
                + URLEncoder.encode(key.substring(key.indexOf("?key=") + 5), StandardCharsets.UTF_8);
    }

    /** utime + stime of the process. */
    static long cpuTicks(long pid) throws IOException {
        String[] fields = processStat(pid);
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** The fields of /proc/stat's cpu line that count as busy (idle, iowait, steal and the guests' repeats do not). */
    private static final int[] BUSY_FIELDS = {1, 2, 3, 6, 7};

    /** utime + stime + cutime + cstime: with the children it waited for. */
    static long cpuTicksWithChildren(long pid) throws IOException {
        String[] fields = processStat(pid);
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
    }

    /** cutime + cstime: the CPU of the children the process waited for. */
    static long childrenCpuTicks(long pid) throws IOException {
        String[] fields = processStat(pid);
        return Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
    }

    /** The fields of /proc/{pid}/stat after the command name (the state is field 0). */
    private static String[] processStat(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    /** Busy ticks of every CPU of the machine (user, nice, system, irq, softirq), from /proc/stat. */
    static long machineBusyTicks() throws IOException {
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        for (int i : BUSY_FIELDS) {
            busy += Long.parseLong(fields[i]);
        }
        return busy;
    }

    static long clockTicks() throws IOException, InterruptedException {
        Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
        String text = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        getconf.waitFor();
        return Long.parseLong(text);
    }

    /** Used heap in MiB right after a full collection (jcmd GC.run, then GC.heap_info). */
    static double heapAfterGc(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        // G1 prints one heap line; the serial and parallel collectors one per generation
        long used = -1;
        for (String line : jcmd(pid, "GC.heap_info").split("\n")) {
            var matcher = java.util.regex.Pattern.compile("used (\\d+)K").matcher(line);
            if (!line.contains("Metaspace") && !line.contains("class space") && matcher.find()) {
                used = Math.max(used, 0) + Long.parseLong(matcher.group(1));
            }
        }
        return used < 0 ? Double.NaN : used / 1024.0;
    }

    static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(java.toString(), String.valueOf(pid), command).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return text;
    }

    static String figure(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }


    /** Resident memory of a process in MiB, from /proc. */
    static double rssMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    /** The {@code percentile} of sorted values (nearest rank), NaN when empty. */
    static double percentile(List<Double> sorted, double percentile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** Prints the table and writes it to target/bench/NAME.txt. */
    static void report(String name, CharSequence table) throws IOException {
        System.out.print(table);
        Path file = Path.of("target", "bench", name + ".txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, table);
        System.out.println("(also in " + file.toAbsolutePath() + ")");
    }
}
