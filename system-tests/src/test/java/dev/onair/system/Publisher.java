package dev.onair.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * ffmpeg playing OBS: publishes a 720p30 H.264/AAC clip (made once per test JVM) in a loop, in
 * real time, without re-encoding, to the server URL and stream key the studio gave. Each
 * publisher logs to its own file under target/publishers.
 */
public final class Publisher implements AutoCloseable {

    /** The clip's video and audio bitrates, bits per second. */
    public static final long VIDEO_BITRATE = 1_200_000;
    public static final long AUDIO_BITRATE = 96_000;

    private static final Path DIR = Path.of(System.getProperty("onair.it.work.dir", "target/onair-it")).resolveSibling("publishers");
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static Path clip;

    private final Process process;
    private final Path log;

    private Publisher(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts publishing to {@code serverUrl} with OBS's {@code streamKey} field. */
    public static Publisher start(String serverUrl, String streamKey) {
        Path clipFile = clip();
        Path log = DIR.resolve("publisher-" + COUNT.incrementAndGet() + ".log");
        try {
            Process process = new ProcessBuilder(List.of("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "warning",
                    "-re", "-stream_loop", "-1", "-i", clipFile.toString(), "-c", "copy", "-f", "flv",
                    serverUrl + "/" + streamKey))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new Publisher(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The exit code if ffmpeg ended within {@code timeout}, else null. */
    public Integer exitWithin(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Stops publishing the way OBS's "Stop Streaming" does: a clean close. */
    public void stop() {
        process.destroy();
        exitWithin(Duration.ofSeconds(5));
        process.destroyForcibly();
    }

    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            exitWithin(Duration.ofSeconds(5));
        }
    }

    /** The looped clip: 10 s of a 1280x720 30 fps test pattern with a tone, encoded once. */
    static synchronized Path clip() {
        if (clip != null) {
            return clip;
        }
        Path file = DIR.resolve("clip.flv");
        try {
            Files.createDirectories(DIR);
            if (!Files.exists(file)) {
                Path partial = DIR.resolve("clip.partial.flv");
                Process encode = new ProcessBuilder(List.of("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                        "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30",
                        "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
                        "-t", "10", "-c:v", "libx264", "-preset", "veryfast", "-g", "60",
                        "-b:v", String.valueOf(VIDEO_BITRATE), "-maxrate", String.valueOf(VIDEO_BITRATE),
                        "-bufsize", String.valueOf(2 * VIDEO_BITRATE), "-pix_fmt", "yuv420p",
                        "-c:a", "aac", "-b:a", String.valueOf(AUDIO_BITRATE), "-f", "flv", partial.toString()))
                        .redirectErrorStream(true).redirectOutput(DIR.resolve("clip.log").toFile()).start();
                if (!encode.waitFor(120, TimeUnit.SECONDS) || encode.exitValue() != 0) {
                    throw new IllegalStateException("could not encode the test clip; see " + DIR.resolve("clip.log"));
                }
                Files.move(partial, file);
            }
            clip = file;
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
