package dev.onair.delivery.control;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * The S3 bucket as the sync writes to it: asynchronous puts and an existence check, each
 * completing exceptionally when S3 refuses or cannot be reached. {@link ObjectStore} is the
 * real one; unit tests fake it in memory.
 */
public interface Bucket {

    CompletableFuture<Void> putFile(String key, Path file, String contentType, String cacheControl);

    CompletableFuture<Void> putText(String key, String text, String contentType, String cacheControl);

    CompletableFuture<Void> putBytes(String key, byte[] bytes, String contentType, String cacheControl);

    CompletableFuture<Boolean> exists(String key);
}
