package dev.onair.delivery.control;

import dev.onair.shared.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Delivery configuration: the S3 store ({@code onair.storage.*}), the sync
 * ({@code onair.delivery.*}), the CDN ({@code onair.cdn.*}) and thumbnails
 * ({@code onair.thumbnails.*}). See README "Configuration" for every key. The store's
 * connection settings are read once, when the first upload needs the client; the others on
 * every use.
 */
@ApplicationScoped
public class DeliverySettings {

    @Inject
    Config config;

    public String bucket() {
        String bucket = string("onair.storage.bucket", "onair");
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalStateException("onair.storage.bucket must be an S3 bucket name, not '" + bucket + "'");
        }
        return bucket;
    }

    public String region() {
        return string("onair.storage.region", "us-east-1");
    }

    /** An S3-compatible store's address; empty for AWS S3 itself. */
    public Optional<URI> endpoint() {
        String url = string("onair.storage.endpoint", "");
        return url.isEmpty() ? Optional.empty() : Optional.of(URI.create(url));
    }

    /** Path-style requests ({@code ENDPOINT/BUCKET/KEY}); default on for an endpoint override. */
    public boolean pathStyle() {
        return bool("onair.storage.path-style", endpoint().isPresent());
    }

    /** Static credentials, when both are set; otherwise the SDK's default credential chain. */
    public Optional<String[]> staticCredentials() {
        String id = string("onair.storage.access-key-id", "");
        String secret = string("onair.storage.secret-access-key", "");
        return id.isEmpty() || secret.isEmpty() ? Optional.empty() : Optional.of(new String[] {id, secret});
    }

    /** Whether OnAir creates the bucket when it is missing (the local store). */
    public boolean createBucket() {
        return bool("onair.storage.create-bucket", false);
    }

    /** Whether objects are written with the {@code public-read} ACL (a local edge reading anonymously). */
    public boolean publicRead() {
        return bool("onair.storage.public-read", false);
    }

    /** Uploads in flight on this node at most (the HTTP client's connection pool). */
    public int maxUploads() {
        return integer("onair.storage.max-uploads", 32, 1, 1024);
    }

    /** Uploads in flight per stream at most; the rest wait on disk. */
    public int streamUploads() {
        return integer("onair.delivery.stream-uploads", 4, 1, 64);
    }

    /** Segments in the live playlist. */
    public int liveWindow() {
        return integer("onair.delivery.live-window", 10, 3, 100);
    }

    public Duration liveMaxAge() {
        return duration("onair.delivery.live-max-age", "PT1S");
    }

    /** Above this lag (age of the oldest segment not yet uploaded), {@code /health/ready} is down. */
    public Duration lagThreshold() {
        return duration("onair.delivery.lag-threshold", "PT30S");
    }

    /** The longest wait between two tries of a failing upload. */
    public Duration maxRetryDelay() {
        return duration("onair.delivery.max-retry-delay", "PT10S");
    }

    /** How often every folder is looked at even without a file event (missed events, retries). */
    public Duration sweepInterval() {
        return duration("onair.delivery.sweep-interval", "PT1S");
    }

    public String privatePrefix() {
        String prefix = string("onair.delivery.private-prefix", "private/");
        if (!prefix.matches("([a-z0-9_-]+/)+")) {
            throw new IllegalStateException("onair.delivery.private-prefix must be folder names ending with '/', not '" + prefix + "'");
        }
        return prefix;
    }

    /** The CDN's base URL (CloudFront: {@code https://dxxxx.cloudfront.net}); empty gives no playback URLs. */
    public Optional<String> cdnBaseUrl() {
        String url = string("onair.cdn.base-url", "");
        if (url.isEmpty()) {
            return Optional.empty();
        }
        URI uri = URI.create(url);
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawQuery() != null) {
            throw new IllegalStateException("onair.cdn.base-url must be an http(s) URL without a query, not '" + url + "'");
        }
        return Optional.of(url.endsWith("/") ? url : url + "/");
    }

    public String cdnKeyPairId() {
        return string("onair.cdn.key-pair-id", "");
    }

    /** The PKCS#8 PEM private key of the CDN's key pair, or empty when none is configured. */
    public Optional<Path> cdnPrivateKey() {
        String file = string("onair.cdn.private-key-file", "");
        return file.isEmpty() ? Optional.empty() : Optional.of(Path.of(file));
    }

    /** How long a signed URL or cookie of a private channel stays valid. */
    public Duration signedTtl() {
        return duration("onair.cdn.signed-ttl", "PT10M");
    }

    public Duration thumbnailInterval() {
        return duration("onair.thumbnails.interval", "PT30S");
    }

    public Path ffmpeg() {
        return Path.of(string("onair.thumbnails.ffmpeg", "/usr/bin/ffmpeg"));
    }

    /** OnAir's data folder ({@code onair.data.dir}). */
    public Path dataDir() {
        return Path.of(string("onair.data.dir", "data"));
    }

    private String string(String key, String fallback) {
        return Settings.string(config, key, fallback);
    }

    private boolean bool(String key, boolean fallback) {
        String value = string(key, "");
        if (value.isEmpty()) {
            return fallback;
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalStateException(key + " must be true or false, not '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    private int integer(String key, int fallback, int min, int max) {
        String value = string(key, "");
        try {
            int number = value.isEmpty() ? fallback : Integer.parseInt(value);
            if (number < min || number > max) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalStateException(key + " must be a number from " + min + " to " + max + ", not '" + value + "'");
        }
    }

    private Duration duration(String key, String fallback) {
        String value = string(key, fallback);
        try {
            Duration duration = Duration.parse(value);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException();
            }
            return duration;
        } catch (RuntimeException e) {
            throw new IllegalStateException(key + " must be a positive ISO-8601 duration such as PT1S, not '" + value + "'");
        }
    }
}
