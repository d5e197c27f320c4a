package dev.onair.delivery.control;

import dev.onair.shared.DataFolder;
import dev.onair.shared.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** What delivery's settings ({@link DeliveryConfig}) mean to the store, the sync, the CDN and thumbnails. */
@ApplicationScoped
public class DeliverySettings {

    @Inject
    DeliveryConfig values;

    @Inject
    @DataFolder
    Path data;

    public String bucket() {
        return values.bucket.trim();
    }

    public String region() {
        return values.region.trim();
    }

    /** An S3-compatible store's address; empty for AWS S3 itself. */
    public Optional<URI> endpoint() {
        return values.endpoint.map(url -> Settings.httpUrl("onair.storage.endpoint", url));
    }

    /** Path-style requests ({@code ENDPOINT/BUCKET/KEY}); default on for an endpoint override. */
    public boolean pathStyle() {
        return values.pathStyle.map(value -> Settings.bool("onair.storage.path-style", value)).orElse(endpoint().isPresent());
    }

    /** Static credentials, when both are set; otherwise the SDK's default credential chain. */
    public Optional<String[]> staticCredentials() {
        return values.accessKeyId.isPresent() && values.secretAccessKey.isPresent()
                ? Optional.of(new String[] {values.accessKeyId.get().trim(), values.secretAccessKey.get().trim()})
                : Optional.empty();
    }

    /** Whether OnAir creates the bucket when it is missing (the local store). */
    public boolean createBucket() {
        return Settings.bool("onair.storage.create-bucket", values.createBucket);
    }

    /** Whether objects are written with the {@code public-read} ACL (a local edge reading anonymously). */
    public boolean publicRead() {
        return Settings.bool("onair.storage.public-read", values.publicRead);
    }

    /** Uploads in flight on this node at most (the HTTP client's connection pool). */
    public int maxUploads() {
        return values.maxUploads;
    }

    /** Uploads in flight per stream at most; the rest wait on disk. */
    public int streamUploads() {
        return values.streamUploads;
    }

    /** Segments in the live playlist. */
    public int liveWindow() {
        return values.liveWindow;
    }

    public Duration liveMaxAge() {
        return values.liveMaxAge;
    }

    /** Above this lag (age of the oldest segment not yet uploaded), {@code /health/ready} is down. */
    public Duration lagThreshold() {
        return values.lagThreshold;
    }

    /** The longest wait between two tries of a failing upload. */
    public Duration maxRetryDelay() {
        return values.maxRetryDelay;
    }

    /** How often every folder is looked at even without a file event (missed events, retries). */
    public Duration sweepInterval() {
        return values.sweepInterval;
    }

    public String privatePrefix() {
        return values.privatePrefix.trim();
    }

    /** The CDN's base URL with a trailing slash (CloudFront: {@code https://dxxxx.cloudfront.net/}); empty gives no playback URLs. */
    public Optional<String> cdnBaseUrl() {
        return values.cdnBaseUrl.map(url -> Settings.httpUrl("onair.cdn.base-url", url) + "/");
    }

    public String cdnKeyPairId() {
        return values.cdnKeyPairId.map(String::trim).orElse("");
    }

    /** The PKCS#8 PEM private key of the CDN's key pair, or empty when none is configured. */
    public Optional<Path> cdnPrivateKey() {
        return values.cdnPrivateKeyFile.map(String::trim).map(Path::of);
    }

    /** How long a signed URL or cookie of a private channel stays valid. */
    public Duration signedTtl() {
        return values.signedTtl;
    }

    public Duration thumbnailInterval() {
        return values.thumbnailInterval;
    }

    public Path ffmpeg() {
        return Path.of(values.ffmpeg.trim());
    }

    /** OnAir's data folder ({@code onair.data.dir}). */
    public Path dataDir() {
        return data;
    }
}
