package dev.onair.api;

import dev.onair.shared.Settings;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.URL;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebConfigTest {

    /** The EJB module's defaults file, where every key's default is written (the web module's own file is MP-JWT's). */
    private static Properties defaults() throws IOException {
        for (URL file : Collections.list(WebConfigTest.class.getClassLoader().getResources("META-INF/microprofile-config.properties"))) {
            Properties properties = new Properties();
            try (InputStream in = file.openStream()) {
                properties.load(in);
            }
            if (properties.containsKey("onair.data.dir")) {
                return properties;
            }
        }
        throw new AssertionError("no defaults file on the class path");
    }

    private static WebConfig withDefaults() throws IOException {
        Properties defaults = defaults();
        WebConfig settings = new WebConfig();
        settings.signInLimit = defaults.getProperty("onair.rate-limits.sign-in");
        settings.refreshLimit = defaults.getProperty("onair.rate-limits.refresh");
        settings.tokenLimit = defaults.getProperty("onair.rate-limits.token");
        settings.secureCookies = defaults.getProperty("onair.auth.secure-cookies");
        settings.trustedProxies = Optional.empty();
        settings.rateLimitExempt = Optional.empty();
        settings.streamPoll = Duration.parse(defaults.getProperty("onair.events.stream-poll"));
        settings.keepalive = Duration.parse(defaults.getProperty("onair.events.keepalive"));
        settings.maxStreams = Integer.parseInt(defaults.getProperty("onair.events.max-streams"));
        settings.maxStreamsPerCaller = Integer.parseInt(defaults.getProperty("onair.events.max-streams-per-caller"));
        return settings;
    }

    @Test
    void everyKeyOfTheWebTierIsListedWithTheOthers() throws IOException {
        Properties defaults = defaults();
        String prefix = WebConfig.class.getAnnotation(Settings.Prefix.class).value();
        for (Field field : WebConfig.class.getDeclaredFields()) {
            ConfigProperty property = field.getAnnotation(ConfigProperty.class);
            if (property != null) {
                assertTrue(defaults.containsKey(prefix + "." + property.name()), prefix + "." + property.name());
            }
        }
    }

    @Test
    void theDefaultsPassAndABadValueIsNamed() throws IOException {
        WebConfig settings = withDefaults();
        settings.check();
        assertTrue(settings.secureCookies());
        assertEquals(new RateLimits.Limit(20, Duration.ofMinutes(1)), settings.limit(RateLimits.Group.SIGN_IN));

        settings.trustedProxies = Optional.of(List.of("10.0.0.0/8", "proxy.example"));
        Settings.InvalidSetting proxy = assertThrows(Settings.InvalidSetting.class, settings::check);
        assertEquals("onair.http.trusted-proxies", proxy.key());
        assertTrue(proxy.getMessage().contains("proxy.example"), proxy.getMessage());

        settings = withDefaults();
        settings.refreshLimit = "lots";
        assertEquals("onair.rate-limits.refresh", assertThrows(Settings.InvalidSetting.class, settings::check).key());

        settings = withDefaults();
        settings.secureCookies = "yes";
        assertEquals("onair.auth.secure-cookies", assertThrows(Settings.InvalidSetting.class, settings::check).key());

        settings = withDefaults();
        settings.rateLimitExempt = Optional.of(List.of("10.0.0.0/40"));
        assertEquals("onair.rate-limits.exempt", assertThrows(Settings.InvalidSetting.class, settings::check).key());

        settings = withDefaults();
        settings.streamPoll = Duration.ZERO;
        assertEquals("onair.events.stream-poll", assertThrows(Settings.InvalidSetting.class, settings::check).key());

        settings = withDefaults();
        settings.maxStreamsPerCaller = 0;
        assertEquals("onair.events.max-streams-per-caller", assertThrows(Settings.InvalidSetting.class, settings::check).key());
    }
}
