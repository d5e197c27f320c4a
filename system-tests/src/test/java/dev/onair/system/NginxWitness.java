package dev.onair.system;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Watches nginx's own playlist of a stream (on disk, in OnAir's data folder) every 50 ms and
 * keeps every segment it ever listed with the duration nginx gave it: what nginx cut, to compare
 * a replay with. nginx renames each playlist into place, so every read is a whole version.
 */
final class NginxWitness implements AutoCloseable {

    private final Path playlist;
    private final Map<Long, BigDecimal> listed = new TreeMap<>();
    private final Thread thread;
    private volatile boolean stopped;

    NginxWitness(Path hlsDir, String streamName) {
        this.playlist = hlsDir.resolve(streamName).resolve("index.m3u8");
        this.thread = new Thread(this::watch, "nginx-witness-" + streamName);
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        while (!stopped) {
            try {
                Hls hls = Hls.parse(Files.readString(playlist));
                synchronized (listed) {
                    for (Hls.Segment s : hls.segments()) {
                        listed.putIfAbsent(Long.parseLong(s.uri().replace(".ts", "")), s.duration());
                    }
                }
            } catch (NoSuchFileException e) {
                // not yet
            } catch (IOException | RuntimeException | AssertionError e) {
                // a playlist replaced while read: the next look sees the new one
            }
            OnAirServer.sleep(50);
        }
    }

    /** Every segment number nginx listed since the witness started (and what the folder still listed then), with its duration. */
    Map<Long, BigDecimal> listed() {
        synchronized (listed) {
            return new TreeMap<>(listed);
        }
    }

    BigDecimal total() {
        return listed().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Override
    public void close() {
        stopped = true;
    }
}
