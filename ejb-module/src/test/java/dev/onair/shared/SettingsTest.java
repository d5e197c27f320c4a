package dev.onair.shared;

import dev.onair.channels.control.ChannelConfig;
import dev.onair.delivery.control.DeliveryConfig;
import dev.onair.feed.control.FeedConfig;
import dev.onair.ingest.control.IngestConfig;
import dev.onair.ingest.control.NginxConfig;
import dev.onair.logins.control.LoginConfig;
import dev.onair.signin.control.SignInConfig;
import dev.onair.webhooks.control.WebhookConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.lang.reflect.Field;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsTest {

    /** Every component's settings bean in the EJB module. */
    private static final List<Class<? extends Settings.Checked>> COMPONENTS = List.of(NodeConfig.class, IngestConfig.class,
            ChannelConfig.class, DeliveryConfig.class, SignInConfig.class, LoginConfig.class, FeedConfig.class,
            WebhookConfig.class);
    /** Keys the web tier binds (its WebConfig, tested there) and the one read anew on each use. */
    private static final Set<String> ELSEWHERE = Set.of("onair.http.trusted-proxies", "onair.rate-limits.sign-in",
            "onair.rate-limits.refresh", "onair.rate-limits.token", "onair.rate-limits.exempt", "onair.auth.secure-cookies", "onair.admins",
            "onair.events.stream-poll", "onair.events.keepalive", "onair.events.max-streams", "onair.events.max-streams-per-caller");

    @Test
    void theDefaultsFileListsEveryKeyAComponentReadsAndNothingElse() {
        Set<String> bound = new TreeSet<>(ELSEWHERE);
        COMPONENTS.forEach(type -> bound.addAll(ConfigFixture.keys(type)));
        assertEquals(bound, new TreeSet<>(ConfigFixture.defaults().keySet()));
    }

    @Test
    void theDefaultsPassEveryRule() {
        for (Class<? extends Settings.Checked> type : COMPONENTS) {
            ConfigFixture.bind(type, Map.of()).check();
        }
    }

    @Test
    void aZeroOrNegativeDurationIsRefusedInEveryComponentWithItsKey() {
        for (Class<? extends Settings.Checked> type : COMPONENTS) {
            String prefix = type.getAnnotation(Settings.Prefix.class).value();
            for (Field field : type.getDeclaredFields()) {
                ConfigProperty property = field.getAnnotation(ConfigProperty.class);
                if (property == null || field.getType() != Duration.class) {
                    continue;
                }
                String key = prefix + "." + property.name();
                for (String value : List.of("PT0S", "-PT1S")) {
                    Settings.Checked settings = ConfigFixture.bind(type, Map.of(key, value));
                    Settings.InvalidSetting refused = assertThrows(Settings.InvalidSetting.class, settings::check, key + "=" + value);
                    assertEquals(key, refused.key());
                    assertTrue(refused.getMessage().contains("positive ISO-8601 duration"), refused.getMessage());
                }
            }
        }
    }

    @Test
    void theRenamedChannelKeysStillWorkUnderTheirOldNames() {
        ChannelConfig old = ConfigFixture.bind(ChannelConfig.class, Map.of("onair.ingest.reconnect-window", "PT10S",
                "onair.ingest.max-broadcast", "PT2H"));
        assertEquals(Duration.ofSeconds(10), old.reconnectWindow());
        assertEquals(Duration.ofHours(2), old.maxBroadcast());
        ChannelConfig both = ConfigFixture.bind(ChannelConfig.class, Map.of("onair.ingest.reconnect-window", "PT10S",
                "onair.channels.reconnect-window", "PT20S"));
        assertEquals(Duration.ofSeconds(20), both.reconnectWindow(), "the new key wins");
        ChannelConfig none = ConfigFixture.bind(ChannelConfig.class, Map.of());
        assertEquals(Duration.ofSeconds(60), none.reconnectWindow());
        assertEquals(Duration.ofHours(12), none.maxBroadcast());
        assertTrue(SettingsCheck.RENAMED.values().containsAll(ConfigFixture.keys(ChannelConfig.class)));
    }

    @Test
    void zeroMeansOffWhereAKeySaysSoAndNowhereElse() {
        assertEquals(Optional.empty(), Settings.portOrOff("k", 0));
        assertEquals(Optional.of(1936), Settings.portOrOff("k", 1936));
        refused("onair.x.port", () -> Settings.port("onair.x.port", 0));
        refused("onair.x.port", () -> Settings.portOrOff("onair.x.port", 70000));
        refused("onair.x.wait", () -> Settings.positive("onair.x.wait", Duration.ZERO));
        assertFalse(ConfigFixture.bind(IngestConfig.class, Map.of("onair.ingest.rtmps.port", "0")).rtmpsPortOrOff().isPresent());
        refused("onair.ingest.rtmp.port", () -> ConfigFixture.bind(IngestConfig.class, Map.of("onair.ingest.rtmp.port", "0")).check());
    }

    @Test
    void eachRuleNamesTheKeyAndTheValue() {
        refused("onair.a", () -> Settings.between("onair.a", 0, 1, 10));
        refused("onair.b", () -> Settings.fraction("onair.b", 1.5));
        refused("onair.c", () -> Settings.bool("onair.c", "yes"));
        refused("onair.d", () -> Settings.httpUrl("onair.d", "ftp://example.com"));
        refused("onair.d", () -> Settings.httpUrl("onair.d", "https://example.com/?q=1"));
        refused("onair.d", () -> Settings.httpUrl("onair.d", "not a url"));
        refused("onair.e", () -> Settings.oneOf("onair.e", "sideways", List.of("managed", "none")));
        assertEquals(URI.create("https://cdn.example/base"), Settings.httpUrl("k", " https://cdn.example/base/ "));
        assertTrue(Settings.bool("k", "TRUE"));
        assertEquals(List.of("a", "b"), Settings.entries(Optional.of(List.of(" a", "", "b "))));
        Settings.InvalidSetting refused = assertThrows(Settings.InvalidSetting.class, () -> Settings.between("onair.a", 0, 1, 10));
        assertEquals("onair.a must be a number from 1 to 10, not '0'", refused.getMessage());
    }

    @Test
    void ingestAcceptsAtStartUpExactlyWhatNginxsConfigurationTakes() {
        ConfigFixture.bind(IngestConfig.class, Map.of("onair.ingest.capacity", "10000",
                "onair.ingest.rtmp.connections-per-address", "1000")).check();
        new NginxConfig.Limits(10_000, 1000, Duration.ofSeconds(10)); // and nginx's configuration takes the largest
        refused("onair.ingest.capacity", () -> ConfigFixture.bind(IngestConfig.class, Map.of("onair.ingest.capacity", "10001")).check());
        refused("onair.ingest.rtmp.connections-per-address",
                () -> ConfigFixture.bind(IngestConfig.class, Map.of("onair.ingest.rtmp.connections-per-address", "1001")).check());
    }

    @Test
    void componentRulesNameTheirKeysAndNeverShowASecret() {
        refused("onair.ingest.mode", () -> ConfigFixture.bind(IngestConfig.class, Map.of("onair.ingest.mode", "sideways")).check());
        refused("onair.ingest.health.starving-ratio",
                () -> ConfigFixture.bind(IngestConfig.class, Map.of("onair.ingest.health.starving-ratio", "1")).check());
        Settings.InvalidSetting secret = refused("onair.ingest.callback-secret",
                () -> ConfigFixture.bind(IngestConfig.class, Map.of("onair.ingest.callback-secret", "short!")).check());
        assertFalse(secret.getMessage().contains("short!"), secret.getMessage());
        Settings.InvalidSetting master = refused("onair.stream-keys.master-secret",
                () -> ConfigFixture.bind(IngestConfig.class, Map.of("onair.stream-keys.master-secret", "c2hvcnQ=")).check());
        assertFalse(master.getMessage().contains("c2hvcnQ="), master.getMessage());
        refused("onair.ingest.rtmps.certificate-key",
                () -> ConfigFixture.bind(IngestConfig.class, Map.of("onair.ingest.rtmps.certificate", "/etc/cert.pem")).check());
        refused("onair.storage.bucket", () -> ConfigFixture.bind(DeliveryConfig.class, Map.of("onair.storage.bucket", "Not_A_Bucket")).check());
        refused("onair.storage.create-bucket",
                () -> ConfigFixture.bind(DeliveryConfig.class, Map.of("onair.storage.create-bucket", "maybe")).check());
        refused("onair.delivery.live-window", () -> ConfigFixture.bind(DeliveryConfig.class, Map.of("onair.delivery.live-window", "2")).check());
        refused("onair.delivery.private-prefix",
                () -> ConfigFixture.bind(DeliveryConfig.class, Map.of("onair.delivery.private-prefix", "../")).check());
        refused("onair.cdn.base-url", () -> ConfigFixture.bind(DeliveryConfig.class, Map.of("onair.cdn.base-url", "cdn.example")).check());
        refused("onair.storage.secret-access-key",
                () -> ConfigFixture.bind(DeliveryConfig.class, Map.of("onair.storage.access-key-id", "id")).check());
        refused("onair.auth.access-token-ttl", () -> ConfigFixture.bind(SignInConfig.class, Map.of("onair.auth.access-token-ttl", "PT1H")).check());
        refused("onair.auth.return-to-origins",
                () -> ConfigFixture.bind(SignInConfig.class, Map.of("onair.auth.return-to-origins", "studio.example")).check());
        refused("onair.logins.record", () -> ConfigFixture.bind(LoginConfig.class, Map.of("onair.logins.record", "off")).check());
        refused("onair.https.port", () -> ConfigFixture.bind(NodeConfig.class, Map.of("onair.https.port", "99999")).check());
    }

    private static Settings.InvalidSetting refused(String key, Executable check) {
        Settings.InvalidSetting refused = assertThrows(Settings.InvalidSetting.class, check, key);
        assertEquals(key, refused.key(), refused.getMessage());
        return refused;
    }
}
