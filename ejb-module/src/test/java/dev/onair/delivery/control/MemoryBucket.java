package dev.onair.delivery.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * An S3 bucket in memory: puts complete at once (or wait while a key matches {@link #hold}),
 * the next {@link #failures} calls fail as an unreachable store would, and every put that
 * landed is logged in order with the keys present at that moment.
 */
public final class MemoryBucket implements Bucket {

    /** A put that landed, and the keys that were in the bucket just before it. */
    public record Put(String key, String cacheControl, List<String> present) {
    }

    public final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    public final List<Put> puts = new CopyOnWriteArrayList<>();
    public final List<String> existsCalls = new CopyOnWriteArrayList<>();
    /** Calls still to fail. */
    public volatile int failures;
    /** Puts of matching keys wait for {@link #release}. */
    public volatile Predicate<String> hold = key -> false;
    private final List<Runnable> held = new ArrayList<>();

    public String text(String key) {
        byte[] bytes = objects.get(key);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** Lets the held puts land. */
    public void release() {
        List<Runnable> now;
        synchronized (held) {
            now = new ArrayList<>(held);
            held.clear();
        }
        hold = key -> false;
        now.forEach(Runnable::run);
    }

    @Override
    public CompletableFuture<Void> putFile(String key, Path file, String contentType, String cacheControl) {
        try {
            return put(key, Files.readAllBytes(file), cacheControl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public CompletableFuture<Void> putText(String key, String text, String contentType, String cacheControl) {
        return put(key, text.getBytes(StandardCharsets.UTF_8), cacheControl);
    }

    @Override
    public CompletableFuture<Void> putBytes(String key, byte[] bytes, String contentType, String cacheControl) {
        return put(key, bytes, cacheControl);
    }

    @Override
    public CompletableFuture<Boolean> exists(String key) {
        existsCalls.add(key);
        if (fails()) {
            return CompletableFuture.failedFuture(new ConnectException("the store is away"));
        }
        return CompletableFuture.completedFuture(objects.containsKey(key));
    }

    private CompletableFuture<Void> put(String key, byte[] bytes, String cacheControl) {
        if (fails()) {
            return CompletableFuture.failedFuture(new ConnectException("the store is away"));
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        Runnable land = () -> {
            puts.add(new Put(key, cacheControl, List.copyOf(objects.keySet())));
            objects.put(key, bytes);
            done.complete(null);
        };
        if (hold.test(key)) {
            synchronized (held) {
                held.add(land);
            }
        } else {
            land.run();
        }
        return done;
    }

    private synchronized boolean fails() {
        if (failures > 0) {
            failures--;
            return true;
        }
        return false;
    }
}
