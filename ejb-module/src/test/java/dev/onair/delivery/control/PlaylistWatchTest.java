package dev.onair.delivery.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A playlist renamed into a watched folder wakes that folder's owner; other files and cancelled folders do not. */
class PlaylistWatchTest {

    @TempDir
    Path root;

    @Test
    void aNewPlaylistWakesItsFoldersOwner() throws Exception {
        Path a = Files.createDirectories(root.resolve("a"));
        Path b = Files.createDirectories(root.resolve("b"));
        BlockingQueue<String> woken = new LinkedBlockingQueue<>();
        try (PlaylistWatch<String> watch = new PlaylistWatch<>()) {
            watch.register(a, "a");
            watch.register(b, "b");
            Thread thread = new Thread(() -> watch.run(woken::add));
            thread.start();

            Files.writeString(a.resolve("7.ts"), "segment");
            Files.writeString(b.resolve("index.m3u8.tmp"), "#EXTM3U\n");
            Files.move(b.resolve("index.m3u8.tmp"), b.resolve(PlaylistReader.PLAYLIST), StandardCopyOption.ATOMIC_MOVE);
            assertEquals("b", woken.poll(10, TimeUnit.SECONDS), "nginx renamed b's playlist into place");
            assertNull(woken.poll(300, TimeUnit.MILLISECONDS), "a segment alone wakes nobody");

            watch.cancel("b");
            Files.writeString(b.resolve(PlaylistReader.PLAYLIST), "#EXTM3U\n#EXTINF:2,\n1.ts\n");
            Files.writeString(a.resolve(PlaylistReader.PLAYLIST), "#EXTM3U\n");
            assertEquals("a", woken.poll(10, TimeUnit.SECONDS));
            Thread.sleep(300);
            List<String> more = new ArrayList<>();
            woken.drainTo(more);
            assertFalse(more.contains("b"), "b is no longer watched: " + more);
            watch.close();
            thread.join(5000);
        }
    }
}
