package dev.onair.delivery.control;

import dev.onair.shared.Settings;
import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;

/**
 * Delivery's settings: the S3 store ({@code onair.storage.*}), the sync ({@code onair.delivery.*}),
 * the CDN ({@code onair.cdn.*}), thumbnails ({@code onair.thumbnails.*}) and the local edge
 * ({@code onair.edge.*}), as MicroProfile Config binds them at start-up; their defaults and what
 * each means are in {@code META-INF/microprofile-config.properties}. {@link DeliverySettings} and
 * {@link EdgeSettings} say what they mean.
 */
@Settings.Prefix("onair")
@Dependent
public class DeliveryConfig extends Settings.Bound {

    /** The most uploads a node may be configured to run at once (the S3 client's connection pool). */
    static final int MAX_UPLOADS = 1024;
    /** The most uploads one stream may be configured to run at once. */
    static final int MAX_STREAM_UPLOADS = 64;
    /** The live playlist's bounds: fewer than three segments stalls players, more than a hundred is a replay. */
    static final int MIN_LIVE_WINDOW = 3;
    static final int MAX_LIVE_WINDOW = 100;
    /** The most connections the local edge may be configured for. */
    static final int MAX_EDGE_CONNECTIONS = 100_000;
    /** What S3 accepts as a bucket name. */
    static final String BUCKET_NAME = "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]";
    /** Folder names, each ending with '/'. */
    static final String PREFIX = "([a-z0-9_-]+/)+";

    @ConfigProperty(name = "storage.bucket")
    String bucket;

    @ConfigProperty(name = "storage.region")
    String region;

    @ConfigProperty(name = "storage.endpoint")
    Optional<String> endpoint;

    @ConfigProperty(name = "storage.path-style")
    Optional<String> pathStyle;

    @ConfigProperty(name = "storage.access-key-id")
    Optional<String> accessKeyId;

    @ConfigProperty(name = "storage.secret-access-key")
    Optional<String> secretAccessKey;

    @ConfigProperty(name = "storage.create-bucket")
    String createBucket;

    @ConfigProperty(name = "storage.public-read")
    String publicRead;

    @ConfigProperty(name = "storage.max-uploads")
    int maxUploads;

    @ConfigProperty(name = "delivery.stream-uploads")
    int streamUploads;

    @ConfigProperty(name = "delivery.live-window")
    int liveWindow;

    @ConfigProperty(name = "delivery.live-max-age")
    Duration liveMaxAge;

    @ConfigProperty(name = "delivery.lag-threshold")
    Duration lagThreshold;

    @ConfigProperty(name = "delivery.max-retry-delay")
    Duration maxRetryDelay;

    @ConfigProperty(name = "delivery.sweep-interval")
    Duration sweepInterval;

    @ConfigProperty(name = "delivery.private-prefix")
    String privatePrefix;

    @ConfigProperty(name = "cdn.base-url")
    Optional<String> cdnBaseUrl;

    @ConfigProperty(name = "cdn.key-pair-id")
    Optional<String> cdnKeyPairId;

    @ConfigProperty(name = "cdn.private-key-file")
    Optional<String> cdnPrivateKeyFile;

    @ConfigProperty(name = "cdn.signed-ttl")
    Duration signedTtl;

    @ConfigProperty(name = "thumbnails.interval")
    Duration thumbnailInterval;

    @ConfigProperty(name = "thumbnails.ffmpeg")
    String ffmpeg;

    @ConfigProperty(name = "edge.port")
    Optional<Integer> edgePort;

    @ConfigProperty(name = "edge.host")
    Optional<String> edgeHost;

    @ConfigProperty(name = "edge.dir")
    Optional<String> edgeDir;

    @ConfigProperty(name = "edge.authorize-url")
    Optional<String> edgeAuthorizeUrl;

    @ConfigProperty(name = "edge.connections")
    int edgeConnections;

    /** The local edge's port; empty when it is off (not set, or 0). */
    Optional<Integer> edgePort() {
        return edgePort.flatMap(port -> Settings.portOrOff("onair.edge.port", port));
    }

    @Override
    public void check() {
        if (!bucket.trim().matches(BUCKET_NAME)) {
            throw new Settings.InvalidSetting("onair.storage.bucket", "an S3 bucket name", bucket);
        }
        endpoint.ifPresent(url -> Settings.httpUrl("onair.storage.endpoint", url));
        if (accessKeyId.isPresent() != secretAccessKey.isPresent()) {
            throw new Settings.InvalidSetting(accessKeyId.isPresent() ? "onair.storage.secret-access-key" : "onair.storage.access-key-id",
                    "set together with the other (or neither, for the SDK's default credentials)", "");
        }
        pathStyle.ifPresent(value -> Settings.bool("onair.storage.path-style", value));
        Settings.bool("onair.storage.create-bucket", createBucket);
        Settings.bool("onair.storage.public-read", publicRead);
        Settings.between("onair.storage.max-uploads", maxUploads, 1, MAX_UPLOADS);
        Settings.between("onair.delivery.stream-uploads", streamUploads, 1, MAX_STREAM_UPLOADS);
        Settings.between("onair.delivery.live-window", liveWindow, MIN_LIVE_WINDOW, MAX_LIVE_WINDOW);
        Settings.positive("onair.delivery.live-max-age", liveMaxAge);
        Settings.positive("onair.delivery.lag-threshold", lagThreshold);
        Settings.positive("onair.delivery.max-retry-delay", maxRetryDelay);
        Settings.positive("onair.delivery.sweep-interval", sweepInterval);
        if (!privatePrefix.trim().matches(PREFIX)) {
            throw new Settings.InvalidSetting("onair.delivery.private-prefix", "folder names ending with '/'", privatePrefix);
        }
        cdnBaseUrl.ifPresent(url -> Settings.httpUrl("onair.cdn.base-url", url));
        Settings.positive("onair.cdn.signed-ttl", signedTtl);
        Settings.positive("onair.thumbnails.interval", thumbnailInterval);
        edgePort().ifPresent(port -> {
            if (endpoint.isEmpty()) {
                throw new Settings.InvalidSetting("onair.storage.endpoint",
                        "set when the local edge runs (onair.edge.port): the edge reads an S3-compatible store", "");
            }
        });
        edgeAuthorizeUrl.ifPresent(url -> Settings.httpUrl("onair.edge.authorize-url", url));
        Settings.between("onair.edge.connections", edgeConnections, 1, MAX_EDGE_CONNECTIONS);
    }
}
