package dev.onair.ingest.control;

import dev.onair.ingest.entity.IngestMode;
import dev.onair.shared.Settings;
import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Ingest's settings ({@code onair.ingest.*}, and the stream keys' master secret), as MicroProfile
 * Config binds them at start-up; their defaults and what each means are in
 * {@code META-INF/microprofile-config.properties}. {@link IngestSettings} derives nginx's
 * configuration from them.
 */
@Settings.Prefix("onair")
@Dependent
public class IngestConfig extends Settings.Bound {

    /** What a callback secret may be made of: it goes into nginx's configuration as a URL parameter. */
    static final String CALLBACK_SECRET = "[A-Za-z0-9_-]{16,128}";
    /** What {@code onair.ingest.mode} may be. */
    private static final List<String> MODES = Arrays.stream(IngestMode.values()).map(m -> m.name().toLowerCase(Locale.ROOT)).toList();

    @ConfigProperty(name = "ingest.mode")
    String mode;

    @ConfigProperty(name = "ingest.rtmp-url")
    String rtmpUrl;

    @ConfigProperty(name = "ingest.nginx.rtmp-module")
    String rtmpModule;

    @ConfigProperty(name = "ingest.nginx.stream-module")
    String streamModule;

    @ConfigProperty(name = "ingest.nginx.dir")
    Optional<String> nginxDir;

    @ConfigProperty(name = "ingest.nginx.http-port")
    int nginxHttpPort;

    @ConfigProperty(name = "ingest.nginx.control-url")
    Optional<String> controlUrl;

    @ConfigProperty(name = "ingest.rtmp.host")
    Optional<String> rtmpHost;

    @ConfigProperty(name = "ingest.rtmp.port")
    int rtmpPort;

    @ConfigProperty(name = "ingest.rtmp.internal-port")
    int rtmpInternalPort;

    @ConfigProperty(name = "ingest.rtmps.port")
    int rtmpsPort;

    @ConfigProperty(name = "ingest.rtmps-url")
    Optional<String> rtmpsUrl;

    @ConfigProperty(name = "ingest.rtmps.certificate")
    Optional<String> rtmpsCertificate;

    @ConfigProperty(name = "ingest.rtmps.certificate-key")
    Optional<String> rtmpsCertificateKey;

    @ConfigProperty(name = "ingest.capacity")
    int capacity;

    @ConfigProperty(name = "ingest.rtmp.connections-per-address")
    int connectionsPerAddress;

    @ConfigProperty(name = "ingest.rtmp.handshake-timeout")
    Duration handshakeTimeout;

    @ConfigProperty(name = "ingest.hls.dir")
    Optional<String> hlsDir;

    @ConfigProperty(name = "ingest.hls.fragment")
    Duration fragment;

    @ConfigProperty(name = "ingest.update-interval")
    Duration updateInterval;

    @ConfigProperty(name = "ingest.idle-timeout")
    Duration idleTimeout;

    @ConfigProperty(name = "ingest.callback-url")
    Optional<String> callbackUrl;

    @ConfigProperty(name = "ingest.callback-secret")
    Optional<String> callbackSecret;

    @ConfigProperty(name = "ingest.callback-hosts")
    Optional<List<String>> callbackHosts;

    @ConfigProperty(name = "ingest.watchdog-interval")
    Duration watchdogInterval;

    @ConfigProperty(name = "ingest.health.starving-ratio")
    double starvingRatio;

    @ConfigProperty(name = "stream-keys.master-secret")
    Optional<String> masterSecret;

    @Override
    public void check() {
        mode();
        Settings.port("onair.ingest.nginx.http-port", nginxHttpPort);
        controlUrl.ifPresent(url -> Settings.httpUrl("onair.ingest.nginx.control-url", url));
        Settings.port("onair.ingest.rtmp.port", rtmpPort);
        Settings.port("onair.ingest.rtmp.internal-port", rtmpInternalPort);
        rtmpsPortOrOff();
        if (rtmpsCertificate.isPresent() != rtmpsCertificateKey.isPresent()) {
            throw new Settings.InvalidSetting(rtmpsCertificate.isPresent() ? "onair.ingest.rtmps.certificate-key"
                    : "onair.ingest.rtmps.certificate", "set together with the other (a PEM certificate and its key)", "");
        }
        Settings.between("onair.ingest.capacity", capacity, 1, NginxConfig.MAX_CAPACITY);
        Settings.between("onair.ingest.rtmp.connections-per-address", connectionsPerAddress, 1, NginxConfig.MAX_PER_ADDRESS);
        Settings.positive("onair.ingest.rtmp.handshake-timeout", handshakeTimeout);
        Settings.positive("onair.ingest.hls.fragment", fragment);
        Settings.positive("onair.ingest.update-interval", updateInterval);
        Settings.positive("onair.ingest.idle-timeout", idleTimeout);
        callbackUrl.ifPresent(url -> Settings.httpUrl("onair.ingest.callback-url", url));
        callbackSecret.map(String::trim).filter(secret -> !secret.matches(CALLBACK_SECRET)).ifPresent(secret -> {
            throw new Settings.InvalidSetting("onair.ingest.callback-secret", "16 to 128 characters of A-Z a-z 0-9 _ -", "(hidden)");
        });
        Settings.positive("onair.ingest.watchdog-interval", watchdogInterval);
        Settings.fraction("onair.ingest.health.starving-ratio", starvingRatio);
        masterSecret.map(String::trim).filter(secret -> !secret.isEmpty())
                .filter(secret -> MasterSecret.decode(secret).length < StreamKeyDerivation.MASTER_SECRET_MIN_BYTES)
                .ifPresent(secret -> {
                    throw new Settings.InvalidSetting("onair.stream-keys.master-secret", "base64 of at least "
                            + StreamKeyDerivation.MASTER_SECRET_MIN_BYTES + " random bytes", "(hidden)");
                });
    }

    public IngestMode mode() {
        return IngestMode.parse(Settings.oneOf("onair.ingest.mode", mode, MODES));
    }

    /** RTMPS's port; empty when it is off ({@code onair.ingest.rtmps.port=0}). */
    public Optional<Integer> rtmpsPortOrOff() {
        return Settings.portOrOff("onair.ingest.rtmps.port", rtmpsPort);
    }
}
