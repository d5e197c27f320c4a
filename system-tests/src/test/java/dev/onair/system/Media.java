package dev.onair.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** ffprobe and ffmpeg reading what viewers read: HLS over HTTP from the playback URLs. */
final class Media {

    record Run(int exit, String output) {
    }

    private Media() {
    }

    /** The codecs ffprobe finds in the stream at {@code url}, one per line (h264, aac). */
    static Run probe(String url) {
        return probe(url, null);
    }

    /** The same, sending {@code cookie} (a Cookie header's value) with every request, as a browser does for the CDN's domain. */
    static Run probe(String url, String cookie) {
        List<String> command = new ArrayList<>(List.of("ffprobe", "-v", "error", "-rw_timeout", "10000000"));
        if (cookie != null) {
            command.addAll(List.of("-headers", "Cookie: " + cookie + "\r\n"));
        }
        command.addAll(List.of("-show_entries", "stream=codec_name", "-of", "csv=p=0", url));
        return run(command, 60);
    }

    /** Reads every packet of {@code url} to its end without decoding: exit 0 and no output when all of it is there. */
    static Run readToTheEnd(String url) {
        return run(List.of("ffmpeg", "-nostdin", "-v", "error", "-rw_timeout", "10000000", "-i", url, "-c", "copy",
                "-f", "null", "-"), 120);
    }

    /** GET a URL's body as text; throws unless 200. */
    static String text(String url) {
        Api.Reply reply = Api.send(URI.create(url), "GET", null, null, null);
        if (reply.status() != 200) {
            throw new AssertionError("GET " + url + ": " + reply.status() + " " + reply.body());
        }
        return reply.body();
    }

    private static Run run(List<String> command, long timeoutSeconds) {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command.get(0) + " did not finish in " + timeoutSeconds + " s");
            }
            return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
