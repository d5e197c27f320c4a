package dev.onair.delivery.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TsTimingTest {

    @TempDir
    Path dir;

    /** A TS packet starting a PES of {@code streamId} with {@code pts}, payload padded. */
    static byte[] pes(int pid, int streamId, long pts, boolean adaptation) {
        byte[] packet = new byte[188];
        packet[0] = 0x47;
        packet[1] = (byte) (0x40 | (pid >> 8));
        packet[2] = (byte) pid;
        int at = 4;
        if (adaptation) {
            packet[3] = 0x30;
            packet[4] = 7; // adaptation field of 7 bytes (a PCR, say)
            at = 12;
        } else {
            packet[3] = 0x10;
        }
        packet[at] = 0;
        packet[at + 1] = 0;
        packet[at + 2] = 1;
        packet[at + 3] = (byte) streamId;
        packet[at + 6] = (byte) 0x80;
        packet[at + 7] = (byte) 0x80; // PTS only
        packet[at + 8] = 5;
        packet[at + 9] = (byte) (0x21 | ((pts >> 29) & 0x0e));
        packet[at + 10] = (byte) (pts >> 22);
        packet[at + 11] = (byte) (((pts >> 14) & 0xfe) | 1);
        packet[at + 12] = (byte) (pts >> 7);
        packet[at + 13] = (byte) (((pts << 1) & 0xfe) | 1);
        return packet;
    }

    private Path segment(String name, long firstPts, int frames, long interval) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < frames; i++) {
            out.write(pes(0x100, 0xe0, firstPts + i * interval, i == 0));
            out.write(pes(0x101, 0xc0, firstPts + 600 + i * 1920, false)); // audio, a little after the picture
        }
        Path file = dir.resolve(name);
        Files.write(file, out.toByteArray());
        return file;
    }

    @Test
    void aSegmentLastsUntilTheNextOnesFirstPicture() throws Exception {
        TsTiming first = TsTiming.of(segment("0.ts", 126_000, 60, 3000)).orElseThrow();
        TsTiming second = TsTiming.of(segment("1.ts", 126_000 + 60 * 3000, 45, 3000)).orElseThrow();
        assertEquals(3000, first.frameInterval(), "30 frames a second at 90 kHz");
        assertEquals(Duration.ofSeconds(2), first.until(second));
        assertEquals(Duration.ofMillis(1500), second.until(null), "the last one: its pictures and one more interval");
    }

    @Test
    void theClockWrapsAfterThirtyThreeBits() throws Exception {
        long nearWrap = (1L << 33) - 90_000;
        TsTiming first = TsTiming.of(segment("0.ts", nearWrap, 30, 3000)).orElseThrow();
        TsTiming second = TsTiming.of(segment("1.ts", (nearWrap + 30 * 3000) % (1L << 33), 30, 3000)).orElseThrow();
        assertEquals(Duration.ofSeconds(1), first.until(second));
    }

    /** Segments cut by ffmpeg's segment muxer at key frames, as nginx cuts them: the measure matches the muxer's own list. */
    @Test
    void realSegmentsMeasureAsTheirMuxerListsThem() throws Exception {
        assertTrue(Files.isExecutable(Path.of("/usr/bin/ffmpeg")), "this test needs Debian's ffmpeg: ./onair test installs it");
        Process ffmpeg = new ProcessBuilder("/usr/bin/ffmpeg", "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i",
                "testsrc2=size=320x240:rate=25", "-f", "lavfi", "-i", "sine", "-t", "5", "-c:v", "libx264", "-preset", "ultrafast",
                "-g", "25", "-bf", "2", "-c:a", "aac", "-f", "segment", "-segment_time", "1", "-segment_list", dir.resolve("list.csv").toString(),
                "-segment_list_type", "csv", dir.resolve("%d.ts").toString()).redirectErrorStream(true).start();
        String output = new String(ffmpeg.getInputStream().readAllBytes());
        assertEquals(0, ffmpeg.waitFor(), output);
        var rows = Files.readAllLines(dir.resolve("list.csv"));
        assertTrue(rows.size() >= 4, rows::toString);
        // from the second segment on: the muxer starts its first at the first audio sample, nginx at the first picture
        for (int i = 1; i + 1 < rows.size(); i++) {
            String[] row = rows.get(i).split(",");
            double listed = Double.parseDouble(row[2]) - Double.parseDouble(row[1]);
            TsTiming timing = TsTiming.of(dir.resolve(row[0])).orElseThrow();
            TsTiming next = TsTiming.of(dir.resolve(rows.get(i + 1).split(",")[0])).orElseThrow();
            assertEquals(listed, timing.until(next).toNanos() / 1e9, 0.002, "segment " + row[0]);
        }
    }

    @Test
    void notTsIsNoTiming() throws Exception {
        Path junk = dir.resolve("junk.ts");
        Files.write(junk, new byte[1000]);
        assertEquals(Optional.empty(), TsTiming.of(junk));
        assertTrue(TsTiming.of(Files.write(dir.resolve("empty.ts"), new byte[0])).isEmpty());
    }
}
