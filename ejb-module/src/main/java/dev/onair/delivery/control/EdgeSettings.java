package dev.onair.delivery.control;

import dev.onair.shared.Digests;
import dev.onair.shared.NodeConfig;
import dev.onair.shared.SecretFiles;
import dev.onair.shared.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
 * like the other secrets of a one-machine setup).
 */
@ApplicationScoped
public class EdgeSettings {

    @Inject
    DeliveryConfig values;

    @Inject
    NodeConfig node;

    @Inject
    DeliverySettings delivery;

    private volatile String secret;

    /** The edge's configuration, or empty when {@code onair.edge.port} is not set or 0 (production: CloudFront). */
    public Optional<EdgeConfig> config() {
        return values.edgePort().map(port -> {
            URI endpoint = delivery.endpoint().orElseThrow(() -> new Settings.InvalidSetting("onair.storage.endpoint",
                    "set when the local edge runs (onair.edge.port): the edge reads an S3-compatible store", ""));
            URI authorize = values.edgeAuthorizeUrl.map(url -> Settings.httpUrl("onair.edge.authorize-url", url))
                    .orElseGet(() -> URI.create(node.internalBaseUrl() + "/api/edge/authorize"));
            return new EdgeConfig(dir(), values.edgeHost.map(String::trim).orElse(""), port, endpoint, delivery.bucket(),
                    delivery.privatePrefix(), authorize, secret(), values.edgeConnections);
        });
    }

    /** The nginx binary (the same as ingest's, {@code onair.ingest.nginx.binary}). */
    public Path binary() {
        return node.nginxBinary();
    }

    /** The edge nginx's folder: configuration, logs, cache ({@code onair.edge.dir}, default data/edge). */
    public Path dir() {
        return values.edgeDir.map(String::trim).map(Path::of).orElseGet(() -> delivery.dataDir().resolve("edge"))
                .toAbsolutePath().normalize();
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
                        known = SecretFiles.readOrCreate(file, () -> Digests.randomToken(Digests.SECRET_BYTES), "the local edge's secret").trim();
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read or create the local edge's secret at " + file, e);
                    }
                    secret = known;
                }
            }
        }
        return known;
    }
}
