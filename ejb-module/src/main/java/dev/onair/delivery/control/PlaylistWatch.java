package dev.onair.delivery.control;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Tells the owner of a folder when nginx renames a new playlist into it (or when the file system
 * lost events and anything may have changed), through one {@link WatchService} for all folders.
 * It only hurries the sync along: a sweep looks at every folder anyway, so a missed event costs
 * at most one sweep interval.
 *
 * @param <T> what owns a watched folder (a folder's sync)
 */
public final class PlaylistWatch<T> implements AutoCloseable {

    private final WatchService service;
    private final Map<WatchKey, T> owners = new ConcurrentHashMap<>();

    public PlaylistWatch() throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
    }

    /** Watches {@code dir} for {@code owner}; fails when the folder cannot be watched (or the watch is closed). */
    public void register(Path dir, T owner) throws IOException {
        try {
            owners.put(dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY), owner);
        } catch (ClosedWatchServiceException e) {
            throw new IOException("the watch is closed", e);
        }
    }

    /** Stops watching the folders of {@code owner}. */
    public void cancel(T owner) {
        owners.entrySet().removeIf(entry -> {
            if (entry.getValue() == owner) {
                entry.getKey().cancel();
                return true;
            }
            return false;
        });
    }

    /** Hands each owner whose playlist changed to {@code changed}, until {@link #close}; run it on a thread of its own. */
    public void run(Consumer<T> changed) {
        while (true) {
            WatchKey key;
            try {
                key = service.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ClosedWatchServiceException e) {
                return;
            }
            T owner = owners.get(key);
            boolean playlist = false;
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == StandardWatchEventKinds.OVERFLOW || PlaylistReader.PLAYLIST.equals(String.valueOf(event.context()))) {
                    playlist = true;
                }
            }
            if (!key.reset()) {
                owners.remove(key);
            }
            if (owner != null && playlist) {
                changed.accept(owner);
            }
        }
    }

    @Override
    public void close() throws IOException {
        service.close();
    }
}
