package dev.onair.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
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

    /** A JPEG starts with the SOI marker... */
    private static final byte[] JPEG_START = {(byte) 0xff, (byte) 0xd8};
    /** ...and, with the EOI marker at its end, is at least this long. */
    private static final int JPEG_MIN_LENGTH = 4;
    /** How much of ffmpeg's error output is kept for the log. */
    private static final int MAX_ERROR_OUTPUT = 4096;

    static final long TIMEOUT_SECONDS = 15;
    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final Path NICE = Path.of("/usr/bin/nice");

    @Inject
    DeliverySettings settings;

    private final Semaphore one = new Semaphore(1);

    /**
     * Starts a JPEG of {@code segment} on {@code executor}, unless one is being made on this node
     * (then the next segment gets its turn) or the executor refuses (the server stops): the bytes,
     * when ffmpeg is done (about 0.1 s).
     */
    public Optional<CompletableFuture<byte[]>> start(Path segment, Executor executor) {
        if (!one.tryAcquire()) {
            return Optional.empty();
        }
        try {
            return Optional.of(CompletableFuture.supplyAsync(() -> jpegOf(segment), executor));
        } catch (RejectedExecutionException e) {
            one.release();
            return Optional.empty();
        }
    }

    private byte[] jpegOf(Path segment) {
        try {
            return make(segment);
        } catch (IOException e) {
            throw new CompletionException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
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
        boolean isJpeg = jpeg.length >= JPEG_MIN_LENGTH
                && Arrays.equals(jpeg, 0, JPEG_START.length, JPEG_START, 0, JPEG_START.length);
        if (ffmpeg.exitValue() != 0 || !isJpeg) {
            throw new IOException("ffmpeg made no JPEG of " + segment.getFileName() + " (exit " + ffmpeg.exitValue() + "): "
                    + errors.join().strip());
        }
        return jpeg;
    }

    private static String drain(InputStream in) {
        try (in) {
            String text = new String(in.readNBytes(MAX_ERROR_OUTPUT), StandardCharsets.UTF_8);
            in.transferTo(OutputStream.nullOutputStream());
            return text;
        } catch (IOException e) {
            return e.toString();
        }
    }
}
