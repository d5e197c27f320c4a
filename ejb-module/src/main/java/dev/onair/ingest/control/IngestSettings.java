package dev.onair.ingest.control;

import dev.onair.ingest.entity.IngestMode;
import dev.onair.ingest.entity.PublishCall;
import dev.onair.shared.DataFolder;
import dev.onair.shared.Digests;
import dev.onair.shared.NodeConfig;
import dev.onair.shared.SecretFiles;
import dev.onair.shared.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What ingest's settings ({@link IngestConfig}) mean: nginx's configuration, its folders and
 * endpoints, and the callback secret (generated into the data folder when none is set).
 */
@ApplicationScoped
public class IngestSettings {

    /** Port 80, when a control URL names none. */
    private static final int HTTP_PORT = 80;

    @Inject
    IngestConfig values;

    @Inject
    NodeConfig node;

    @Inject
    @DataFolder
    Path data;

    @Inject
    RtmpsCertificate certificate;

    private String callbackSecret;

    @PostConstruct
    void init() {
        callbackSecret = values.callbackSecret.map(String::trim).orElse("");
        if (callbackSecret.isEmpty()) {
            Path file = data.resolve("secrets").resolve("ingest-callback-secret");
            try {
                callbackSecret = SecretFiles.readOrCreate(file, () -> Digests.randomToken(Digests.SECRET_BYTES), "the nginx callback secret").trim();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read or create the ingest callback secret at " + file, e);
            }
            if (!callbackSecret.matches(IngestConfig.CALLBACK_SECRET)) {
                throw new IllegalStateException("the nginx callback secret in " + file + " must be 16 to 128 characters of A-Z a-z 0-9 _ -");
            }
        }
    }

    public IngestMode mode() {
        return values.mode();
    }

    /** The OBS "Server" field over plain RTMP ({@code onair.ingest.rtmp-url}). */
    public String rtmpUrl() {
        return values.rtmpUrl.trim();
    }

    /** Whether {@code presented} is the callback secret, in time independent of where they differ. */
    public boolean isCallbackSecret(String presented) {
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                callbackSecret.getBytes(StandardCharsets.UTF_8));
    }

    /** Addresses or CIDR blocks besides loopback that may call the nginx callbacks (remote ingest hosts). */
    public List<String> callbackHosts() {
        return Settings.entries(values.callbackHosts);
    }

    public Path nginxBinary() {
        return node.nginxBinary();
    }

    /** Where nginx's configuration, logs, pid file and temporary files live. */
    public Path nginxDir() {
        return folder(values.nginxDir, "nginx");
    }

    /** nginx's loopback HTTP endpoint for {@code /stat} and {@code /control}. */
    public URI controlUrl() {
        return values.controlUrl.map(url -> Settings.httpUrl("onair.ingest.nginx.control-url", url))
                .orElseGet(() -> URI.create("http://127.0.0.1:" + values.nginxHttpPort));
    }

    public Duration watchdogInterval() {
        return values.watchdogInterval;
    }

    /** Below this share of its own recent peak, a stream's bitrate counts as collapsed (STARVING). */
    public double starvingRatio() {
        return values.starvingRatio;
    }

    /** The configured master secret of stream keys (base64), if any. */
    public Optional<String> masterSecret() {
        return values.masterSecret.map(String::trim).filter(secret -> !secret.isEmpty());
    }

    /** The nginx configuration the settings call for. */
    public NginxConfig nginxConfig() {
        URI callbackBase = values.callbackUrl.map(url -> Settings.httpUrl("onair.ingest.callback-url", url))
                .orElseGet(() -> URI.create(node.internalBaseUrl() + "/api/ingest"));
        URI control = controlUrl();
        return new NginxConfig(
                mode(),
                Path.of(values.rtmpModule.trim()),
                Path.of(values.streamModule.trim()),
                nginxDir(),
                values.rtmpHost.map(String::trim).orElse(""),
                values.rtmpPort,
                rtmps(),
                values.rtmpInternalPort,
                control.getPort() > 0 ? control.getPort() : HTTP_PORT,
                hlsDir(),
                values.fragment,
                values.updateInterval,
                values.idleTimeout,
                new NginxConfig.Limits(values.capacity, values.connectionsPerAddress, values.handshakeTimeout),
                callbackBase,
                callbackSecret);
    }

    /** RTMPS on {@code onair.ingest.rtmps.port} (0: off), when a certificate is at hand. */
    private NginxConfig.Rtmps rtmps() {
        return values.rtmpsPortOrOff()
                .flatMap(port -> certificate.files(nginxDir()).map(pem -> new NginxConfig.Rtmps(port, pem.certificate(), pem.key())))
                .orElse(null);
    }

    /** The OBS "Server" field over TLS ({@code onair.ingest.rtmps-url}); empty when RTMPS is off ({@code onair.ingest.rtmps.port=0}). */
    public Optional<String> rtmpsUrl() {
        return values.rtmpsPortOrOff()
                .map(port -> values.rtmpsUrl.map(String::trim)
                        .orElse("rtmps://localhost:" + port + "/" + PublishCall.APPLICATION));
    }

    public Path hlsDir() {
        return folder(values.hlsDir, "hls");
    }

    /** A configured folder, or one of the data folder's. */
    private Path folder(Optional<String> configured, String inData) {
        return configured.map(String::trim).map(Path::of).orElseGet(() -> data.resolve(inData)).toAbsolutePath().normalize();
    }
}
