package dev.onair.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A JPEG of a segment's first frame (a key frame: nginx cuts segments at key frames), 360
 * pixels high, made by ffmpeg ({@code onair.thumbnails.ffmpeg}) in a process of its own: one at
 * a time on the node, decoding key frames only, on one thread, at the lowest CPU priority, so
 * that thumbnails never take the CPU uploads need (measured: unthrottled, 50 streams' thumbnails
 * falling due together held segment uploads back by seconds).
 */
@ApplicationScoped
public class Thumbnailer {

    static final long TIMEOUT_SECONDS = 15;
    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final Path NICE = Path.of("/usr/bin/nice");

    @Inject
    DeliverySettings settings;

    private final Semaphore one = new Semaphore(1);

    /** Whether a thumbnail may start now (none is being made); {@link #jpegOf} must follow, which releases it. */
    public boolean tryStart() {
        return one.tryAcquire();
    }

    /** Gives back a start that {@link #jpegOf} will not follow. */
    public void abandon() {
        one.release();
    }

    /** The JPEG, after {@link #tryStart()} said yes; blocks for the ffmpeg run (about 0.1 s). */
    public byte[] jpegOf(Path segment) throws IOException, InterruptedException {
        try {
            return make(segment);
        } finally {
            one.release();
        }
    }

    private byte[] make(Path segment) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(NICE)) {
            command.addAll(List.of(NICE.toString(), "-n", "19"));
        }
        command.addAll(List.of(settings.ffmpeg().toString(), "-nostdin", "-loglevel", "error", "-threads", "1",
                "-skip_frame", "nokey", "-i", segment.toString(), "-frames:v", "1", "-vf", "scale=-2:360", "-q:v", "5",
                "-f", "image2", "-c:v", "mjpeg", "pipe:1"));
        Process ffmpeg = new ProcessBuilder(command).start();
        CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> drain(ffmpeg.getErrorStream()));
        byte[] jpeg;
        try (InputStream out = ffmpeg.getInputStream()) {
            jpeg = out.readNBytes(MAX_BYTES);
        }
        if (!ffmpeg.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            ffmpeg.destroyForcibly();
            throw new IOException("ffmpeg did not make the thumbnail within " + TIMEOUT_SECONDS + " s");
        }
        if (ffmpeg.exitValue() != 0 || jpeg.length < 4 || (jpeg[0] & 0xff) != 0xff || (jpeg[1] & 0xff) != 0xd8) {
            throw new IOException("ffmpeg made no JPEG of " + segment.getFileName() + " (exit " + ffmpeg.exitValue() + "): "
                    + errors.join().strip());
        }
        return jpeg;
    }

    private static String drain(InputStream in) {
        try (in) {
            String text = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return text;
        } catch (IOException e) {
            return e.toString();
        }
    }
}
