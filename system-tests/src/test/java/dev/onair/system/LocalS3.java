package dev.onair.system;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The tests' S3: a real s3proxy (filesystem backend) in its own process on loopback, started once
 * per test JVM before OnAir, stoppable and restartable (outage tests) with its data kept. Reads
 * back what OnAir wrote with the AWS SDK's synchronous client.
 */
public final class LocalS3 {

    static final int PORT = 19090;
    static final String BUCKET = "onair-it";
    static final String IDENTITY = "onair-it";
    static final String CREDENTIAL = "onair-it-credential-0123456789";

    private static LocalS3 instance;

    private final Path dir = Path.of(System.getProperty("onair.it.work.dir")).resolveSibling("s3proxy");
    private final Path jar = Path.of(required("onair.it.s3proxy.jar"));
    private Process process;
    private S3Client client;

    public static synchronized LocalS3 get() {
        if (instance == null) {
            LocalS3 s3 = new LocalS3();
            s3.reset();
            s3.start();
            instance = s3;
        }
        return instance;
    }

    /** What OnAir needs to deliver to this store. */
    static Map<String, String> onAirEnvironment() {
        return Map.of(
                "ONAIR_STORAGE_ENDPOINT", "http://127.0.0.1:" + PORT,
                "ONAIR_STORAGE_BUCKET", BUCKET,
                "ONAIR_STORAGE_ACCESS_KEY_ID", IDENTITY,
                "ONAIR_STORAGE_SECRET_ACCESS_KEY", CREDENTIAL,
                "ONAIR_STORAGE_CREATE_BUCKET", "true",
                "ONAIR_STORAGE_PUBLIC_READ", "true");
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try (Socket taken = new Socket("127.0.0.1", PORT)) {
            // another store answers there (left by a run that was killed): this one could not start, and
            // tests would talk to a store whose files are not ours and that no outage test can stop
            throw new IllegalStateException("port " + PORT + " is taken (an s3proxy left by an earlier run?): stop it first");
        } catch (IOException free) {
            // nobody listens: ours can start
        }
        try {
            Files.createDirectories(dir.resolve("data"));
            Path properties = dir.resolve("s3proxy.properties");
            Files.writeString(properties, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + PORT,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + IDENTITY,
                    "s3proxy.credential=" + CREDENTIAL,
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + dir.resolve("data")) + "\n");
            process = new ProcessBuilder("java", "-Xmx256m", "-jar", jar.toString(), "--properties", properties.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("s3proxy.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            try (Socket ignored = new Socket("127.0.0.1", PORT)) {
                return;
            } catch (IOException e) {
                OnAirServer.sleep(100);
            }
        }
        throw new IllegalStateException("s3proxy did not start; see " + dir.resolve("s3proxy.log"));
    }

    /** Stops the store (an outage); its data stays. */
    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    public static synchronized void stopIfStarted() {
        if (instance != null) {
            instance.stop();
            if (instance.client != null) {
                instance.client.close();
            }
            instance = null;
        }
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    /** The object's metadata, or empty when it is not in the bucket. */
    public Optional<HeadObjectResponse> head(String key) {
        try {
            return Optional.of(client().headObject(b -> b.bucket(BUCKET).key(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Writes an object as OnAir writes them for the local edge: readable anonymously. */
    public void putPublic(String key, byte[] content, String contentType) {
        client().putObject(b -> b.bucket(BUCKET).key(key).contentType(contentType)
                        .acl(software.amazon.awssdk.services.s3.model.ObjectCannedACL.PUBLIC_READ),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(content));
    }

    public byte[] get(String key) {
        return client().getObject(b -> b.bucket(BUCKET).key(key), ResponseTransformer.toBytes()).asByteArray();
    }

    public List<String> keys(String prefix) {
        return client().listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream()
                .map(S3Object::key).toList();
    }

    private synchronized S3Client client() {
        if (client == null) {
            client = S3Client.builder()
                    .endpointOverride(URI.create("http://127.0.0.1:" + PORT))
                    .forcePathStyle(true)
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(IDENTITY, CREDENTIAL)))
                    .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(10)))
                    .build();
        }
        return client;
    }

    private void reset() {
        try {
            if (Files.exists(dir)) {
                try (var paths = Files.walk(dir)) {
                    for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (run through Maven failsafe)");
        }
        return value;
    }
}
