package dev.onair.delivery.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.client.config.ClientAsyncConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

import static java.net.HttpURLConnection.HTTP_CONFLICT;
import static java.net.HttpURLConnection.HTTP_NOT_FOUND;

/**
 * The bucket OnAir delivers to, through the AWS SDK's asynchronous S3 client on Netty: one
 * connection pool of {@code onair.storage.max-uploads} for the node (requests beyond it wait
 * for a connection), uploads streamed from their files, completions handed to the server's
 * managed executor. Works with AWS S3 (default credential chain, region from configuration)
 * and S3-compatible stores ({@code onair.storage.endpoint}, path-style).
 */
@ApplicationScoped
public class ObjectStore implements Bucket {

    /** Requests that may wait for one of the pool's connections (every folder's window at once). */
    private static final int MAX_WAITING_FOR_CONNECTION = 10_000;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration WAIT_FOR_CONNECTION = Duration.ofSeconds(60);
    /** No byte moving for this long fails the request (it is tried again). */
    private static final Duration READ_WRITE_TIMEOUT = Duration.ofSeconds(30);
    /**
     * Bytes read from a segment's file at a time (the SDK's default is 16 KiB): a 1 MiB segment
     * is 8 reads and writes to the connection rather than 64, each a trip through the SDK's and
     * Netty's pipeline; at most a few are in memory per upload in flight.
     */
    private static final int UPLOAD_CHUNK = 128 * 1024;

    private static final Logger LOG = Logger.getLogger(ObjectStore.class.getName());

    @Inject
    DeliverySettings settings;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    private volatile S3AsyncClient client;
    private volatile boolean bucketReady;

    /**
     * Makes the client and, with {@code onair.storage.create-bucket}, the bucket, at start-up
     * rather than at the first upload; a store not there yet is only logged (uploads try again).
     */
    public CompletableFuture<Void> prepare() {
        return ready().handle((s3, failure) -> {
            if (failure != null) {
                LOG.log(Level.WARNING, "The bucket {0} is not usable yet: {1}", new Object[] {settings.bucket(), String.valueOf(failure)});
            }
            return null;
        });
    }

    /** Uploads {@code file} as {@code key}, streamed from disk. */
    @Override
    public CompletableFuture<Void> putFile(String key, Path file, String contentType, String cacheControl) {
        return ready().thenCompose(s3 -> s3.putObject(request(key, contentType, cacheControl),
                        AsyncRequestBody.fromFile(body -> body.path(file).chunkSizeInBytes(UPLOAD_CHUNK))))
                .thenApply(response -> null);
    }

    /** Uploads a small text object (a playlist). */
    @Override
    public CompletableFuture<Void> putText(String key, String text, String contentType, String cacheControl) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return ready().thenCompose(s3 -> s3.putObject(request(key, contentType, cacheControl), AsyncRequestBody.fromBytes(bytes)))
                .thenApply(response -> null);
    }

    /** Uploads a small binary object (a thumbnail). */
    @Override
    public CompletableFuture<Void> putBytes(String key, byte[] bytes, String contentType, String cacheControl) {
        return ready().thenCompose(s3 -> s3.putObject(request(key, contentType, cacheControl), AsyncRequestBody.fromBytes(bytes)))
                .thenApply(response -> null);
    }

    /** Whether {@code key} is in the bucket. */
    @Override
    public CompletableFuture<Boolean> exists(String key) {
        return ready().thenCompose(s3 -> s3.headObject(b -> b.bucket(settings.bucket()).key(key)))
                .thenApply(response -> true)
                .exceptionally(failure -> {
                    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                    if (cause instanceof NoSuchKeyException || cause instanceof S3Exception s3 && s3.statusCode() == HTTP_NOT_FOUND) {
                        return false;
                    }
                    throw failure instanceof CompletionException c ? c : new CompletionException(cause);
                });
    }

    /**
     * The client; with {@code onair.storage.create-bucket}, the bucket is created first when it is
     * missing (once per node, tried again after a failure). Without it nothing is asked of the
     * bucket but to take objects (a production policy may allow no more than PutObject).
     */
    private CompletableFuture<S3AsyncClient> ready() {
        S3AsyncClient s3 = client();
        if (bucketReady || !settings.createBucket()) {
            return CompletableFuture.completedFuture(s3);
        }
        String bucket = settings.bucket();
        return s3.headBucket(b -> b.bucket(bucket))
                .handle((ok, failure) -> failure)
                .thenCompose(failure -> {
                    if (failure == null) {
                        bucketReady = true;
                        return CompletableFuture.completedFuture(s3);
                    }
                    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                    boolean missing = cause instanceof NoSuchBucketException || cause instanceof S3Exception e && e.statusCode() == HTTP_NOT_FOUND;
                    if (!missing) {
                        return CompletableFuture.failedFuture(cause);
                    }
                    LOG.log(Level.INFO, "Creating the bucket {0}", bucket);
                    return s3.createBucket(b -> b.bucket(bucket)).handle((created, error) -> {
                        Throwable why = error instanceof CompletionException ? error.getCause() : error;
                        if (why != null && !(why instanceof S3Exception e && e.statusCode() == HTTP_CONFLICT)) {
                            throw new CompletionException(why);
                        }
                        bucketReady = true;
                        return s3;
                    });
                });
    }

    private PutObjectRequest request(String key, String contentType, String cacheControl) {
        PutObjectRequest.Builder request = PutObjectRequest.builder()
                .bucket(settings.bucket())
                .key(key)
                .contentType(contentType)
                .cacheControl(cacheControl);
        if (settings.publicRead()) {
            request.acl(ObjectCannedACL.PUBLIC_READ);
        }
        return request.build();
    }

    private S3AsyncClient client() {
        S3AsyncClient s3 = client;
        if (s3 == null) {
            synchronized (this) {
                s3 = client;
                if (s3 == null) {
                    s3 = build();
                    client = s3;
                }
            }
        }
        return s3;
    }

    private S3AsyncClient build() {
        AwsCredentialsProvider credentials = settings.staticCredentials()
                .<AwsCredentialsProvider>map(pair -> StaticCredentialsProvider.create(AwsBasicCredentials.create(pair[0], pair[1])))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
        S3AsyncClientBuilder builder = S3AsyncClient.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(settings.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .asyncConfiguration(ClientAsyncConfiguration.builder()
                        .advancedOption(SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR, executor)
                        .build())
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                        .maxConcurrency(settings.maxUploads())
                        .maxPendingConnectionAcquires(MAX_WAITING_FOR_CONNECTION)
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .connectionAcquisitionTimeout(WAIT_FOR_CONNECTION)
                        .readTimeout(READ_WRITE_TIMEOUT)
                        .writeTimeout(READ_WRITE_TIMEOUT));
        settings.endpoint().ifPresent(builder::endpointOverride);
        LOG.log(Level.INFO, "Delivering to bucket {0} ({1})", new Object[] {settings.bucket(),
                settings.endpoint().map(Object::toString).orElse("AWS S3, region " + settings.region())});
        return builder.build();
    }

    @PreDestroy
    void close() {
        S3AsyncClient s3 = client;
        if (s3 != null) {
            s3.close();
        }
    }
}
