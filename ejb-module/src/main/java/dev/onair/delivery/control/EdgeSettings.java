package dev.onair.delivery.control;

import dev.onair.shared.Digests;
import dev.onair.shared.InternalListener;
import dev.onair.shared.NginxProcess;
import dev.onair.shared.SecretFiles;
import dev.onair.shared.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The local edge's settings ({@code onair.edge.*}): where it listens, the bucket it reads, where it
 * asks OnAir about private paths, and the secret it asks with (generated into the data folder,
 * like the other secrets of a one-machine setup). Read on each use, so a changed Liberty variable
 * reaches the edge without restarting OnAir.
 */
@ApplicationScoped
public class EdgeSettings {

    @Inject
    Config config;

    @Inject
    DeliverySettings delivery;

    private volatile String secret;

    /** The edge's configuration, or empty when {@code onair.edge.port} is not set (production: CloudFront). */
    public Optional<EdgeConfig> config() {
        String port = string("onair.edge.port", "");
        if (port.isEmpty() || port.equals("0")) {
            return Optional.empty();
        }
        URI endpoint = delivery.endpoint().orElseThrow(() -> new IllegalStateException(
                "the local edge (onair.edge.port) reads an S3-compatible store: set onair.storage.endpoint"));
        String authorize = string("onair.edge.authorize-url", "");
        if (authorize.isBlank()) {
            authorize = InternalListener.baseUrl(config) + "/api/edge/authorize";
        }
        return Optional.of(new EdgeConfig(dir(), string("onair.edge.host", ""), integer("onair.edge.port", 0),
                URI.create(stripSlash(endpoint.toString())), delivery.bucket(), delivery.privatePrefix(),
                URI.create(authorize), secret(), integer("onair.edge.connections", 1024)));
    }

    /** The nginx binary (the same as ingest's, {@code onair.ingest.nginx.binary}). */
    public Path binary() {
        return Path.of(string(NginxProcess.BINARY_KEY, NginxProcess.DEFAULT_BINARY));
    }

    /** The edge nginx's folder: configuration, logs, cache ({@code onair.edge.dir}, default data/edge). */
    public Path dir() {
        String dir = string("onair.edge.dir", "");
        return (dir.isBlank() ? delivery.dataDir().resolve("edge") : Path.of(dir)).toAbsolutePath().normalize();
    }

    /** Whether {@code presented} is the edge's secret, in time independent of where they differ. */
    public boolean isSecret(String presented) {
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                secret().getBytes(StandardCharsets.UTF_8));
    }

    private String secret() {
        String known = secret;
        if (known == null) {
            synchronized (this) {
                known = secret;
                if (known == null) {
                    Path file = delivery.dataDir().resolve("secrets").resolve("edge-secret");
                    try {
                        known = SecretFiles.readOrCreate(file, () -> Digests.randomToken(32), "the local edge's secret").trim();
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read or create the local edge's secret at " + file, e);
                    }
                    secret = known;
                }
            }
        }
        return known;
    }

    private String string(String key, String fallback) {
        return Settings.string(config, key, fallback);
    }

    private int integer(String key, int fallback) {
        return Settings.integer(config, key, fallback);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
