package dev.onair.ingest.control;

import dev.onair.ingest.entity.IngestMode;
import dev.onair.ingest.entity.PublishCall;
import dev.onair.shared.Digests;
import dev.onair.shared.InternalListener;
import dev.onair.shared.NginxProcess;
import dev.onair.shared.SecretFiles;
import dev.onair.shared.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

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
 * Ingest configuration ({@code onair.ingest.*}), read through MicroProfile Config on each call
 * to {@link #nginxConfig()}, so a change of a Liberty variable reaches nginx without a restart
 * of OnAir. See README "Configuration" for every key.
 */
@ApplicationScoped
public class IngestSettings {

    @Inject
    Config config;

    @Inject
    RtmpsCertificate certificate;

    private String callbackSecret;

    @PostConstruct
    void init() {
        callbackSecret = string("onair.ingest.callback-secret", "");
        if (callbackSecret.isBlank()) {
            Path file = dataDir().resolve("secrets").resolve("ingest-callback-secret");
            try {
                callbackSecret = SecretFiles.readOrCreate(file, () -> Digests.randomToken(32), "the nginx callback secret").trim();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read or create the ingest callback secret at " + file, e);
            }
        }
        if (!callbackSecret.matches("[A-Za-z0-9_-]{16,128}")) {
            throw new IllegalStateException("onair.ingest.callback-secret must be 16 to 128 characters of A-Z a-z 0-9 _ -");
        }
    }

    public IngestMode mode() {
        return IngestMode.parse(string("onair.ingest.mode", "managed"));
    }

    /** Whether {@code presented} is the callback secret, in time independent of where they differ. */
    public boolean isCallbackSecret(String presented) {
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                callbackSecret.getBytes(StandardCharsets.UTF_8));
    }

    /** Addresses or CIDR blocks besides loopback that may call the nginx callbacks (remote ingest hosts). */
    public List<String> callbackHosts() {
        return config.getOptionalValues("onair.ingest.callback-hosts", String.class).orElse(List.of())
                .stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public Path nginxBinary() {
        return Path.of(string(NginxProcess.BINARY_KEY, NginxProcess.DEFAULT_BINARY));
    }

    /** Where nginx's configuration, logs, pid file and temporary files live. */
    public Path nginxDir() {
        String dir = string("onair.ingest.nginx.dir", "");
        return (dir.isBlank() ? dataDir().resolve("nginx") : Path.of(dir)).toAbsolutePath().normalize();
    }

    /** nginx's loopback HTTP endpoint for {@code /stat} and {@code /control}. */
    public URI controlUrl() {
        String url = string("onair.ingest.nginx.control-url", "");
        return URI.create(url.isBlank() ? "http://127.0.0.1:" + integer("onair.ingest.nginx.http-port", 8935) : url);
    }

    public Duration watchdogInterval() {
        return duration("onair.ingest.watchdog-interval", "PT3S");
    }

    /** Below this share of its own recent peak, a stream's bitrate counts as collapsed (STARVING). */
    public double starvingRatio() {
        return Double.parseDouble(string("onair.ingest.health.starving-ratio", "0.25"));
    }

    /** The nginx configuration the current settings call for. */
    public NginxConfig nginxConfig() {
        String callbackBase = string("onair.ingest.callback-url", "");
        if (callbackBase.isBlank()) {
            callbackBase = InternalListener.baseUrl(config) + "/api/ingest";
        }
        URI control = controlUrl();
        return new NginxConfig(
                mode(),
                Path.of(string("onair.ingest.nginx.rtmp-module", "/usr/lib/nginx/modules/ngx_rtmp_module.so")),
                Path.of(string("onair.ingest.nginx.stream-module", "/usr/lib/nginx/modules/ngx_stream_module.so")),
                nginxDir(),
                string("onair.ingest.rtmp.host", ""),
                integer("onair.ingest.rtmp.port", 1935),
                rtmps(),
                integer("onair.ingest.rtmp.internal-port", 11935),
                control.getPort() > 0 ? control.getPort() : 80,
                hlsDir(),
                duration("onair.ingest.hls.fragment", "PT2S"),
                duration("onair.ingest.update-interval", "PT10S"),
                duration("onair.ingest.idle-timeout", "PT10S"),
                new NginxConfig.Limits(integer("onair.ingest.capacity", 100),
                        integer("onair.ingest.rtmp.connections-per-address", 16),
                        duration("onair.ingest.rtmp.handshake-timeout", "PT10S")),
                URI.create(stripSlash(callbackBase)),
                callbackSecret);
    }

    /** RTMPS on {@code onair.ingest.rtmps.port} (0: off), when a certificate is at hand. */
    private NginxConfig.Rtmps rtmps() {
        int port = rtmpsPort();
        if (port == 0) {
            return null;
        }
        return certificate.files(nginxDir()).map(pem -> new NginxConfig.Rtmps(port, pem.certificate(), pem.key())).orElse(null);
    }

    private int rtmpsPort() {
        return integer("onair.ingest.rtmps.port", 1936);
    }

    /** The OBS "Server" field over TLS ({@code onair.ingest.rtmps-url}); empty when RTMPS is off ({@code onair.ingest.rtmps.port=0}). */
    public Optional<String> rtmpsUrl() {
        if (rtmpsPort() == 0) {
            return Optional.empty();
        }
        String url = string("onair.ingest.rtmps-url", "");
        return Optional.of(url.isEmpty() ? "rtmps://localhost:" + rtmpsPort() + "/" + PublishCall.APPLICATION : url);
    }


    public Path hlsDir() {
        String dir = string("onair.ingest.hls.dir", "");
        return (dir.isBlank() ? dataDir().resolve("hls") : Path.of(dir)).toAbsolutePath().normalize();
    }

    private Path dataDir() {
        return Path.of(string("onair.data.dir", "data"));
    }

    private String string(String key, String fallback) {
        return Settings.string(config, key, fallback);
    }

    private int integer(String key, int fallback) {
        return Settings.integer(config, key, fallback);
    }

    private Duration duration(String key, String fallback) {
        String value = string(key, fallback);
        try {
            return Duration.parse(value);
        } catch (RuntimeException e) {
            throw new IllegalStateException(key + " must be an ISO-8601 duration such as PT2S, not '" + value + "'");
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
