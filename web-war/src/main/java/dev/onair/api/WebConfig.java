package dev.onair.api;

import dev.onair.shared.AddressBlock;
import dev.onair.shared.Settings;
import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The web tier's settings: which proxies' {@code X-Forwarded-For} is believed, the rate limits at
 * the door, and whether cookies carry {@code Secure}. Defaults and explanations are in the EJB
 * module's {@code META-INF/microprofile-config.properties}, with every other key.
 */
@Settings.Prefix("onair")
@Dependent
public class WebConfig extends Settings.Bound {

    /** The most event streams any setting may allow on one node. */
    private static final int MAX_STREAMS = 100_000;

    @ConfigProperty(name = "http.trusted-proxies")
    Optional<List<String>> trustedProxies;

    @ConfigProperty(name = "rate-limits.sign-in")
    String signInLimit;

    @ConfigProperty(name = "rate-limits.refresh")
    String refreshLimit;

    @ConfigProperty(name = "rate-limits.token")
    String tokenLimit;

    @ConfigProperty(name = "rate-limits.exempt")
    Optional<List<String>> rateLimitExempt;

    @ConfigProperty(name = "auth.secure-cookies")
    String secureCookies;

    @ConfigProperty(name = "events.stream-poll")
    Duration streamPoll;

    @ConfigProperty(name = "events.keepalive")
    Duration keepalive;

    @ConfigProperty(name = "events.max-streams")
    int maxStreams;

    @ConfigProperty(name = "events.max-streams-per-caller")
    int maxStreamsPerCaller;

    @Override
    public void check() {
        trustedProxies();
        rateLimitExempt();
        for (RateLimits.Group group : RateLimits.Group.values()) {
            limit(group);
        }
        secureCookies();
        streamPoll();
        keepalive();
        maxStreams();
        maxStreamsPerCaller();
    }

    /** How often open event streams look for new events ({@code onair.events.stream-poll}). */
    public Duration streamPoll() {
        return Settings.positive("onair.events.stream-poll", streamPoll);
    }

    /** How long an event stream stays silent before it gets a comment ({@code onair.events.keepalive}). */
    public Duration keepalive() {
        return Settings.positive("onair.events.keepalive", keepalive);
    }

    /** Event streams this node keeps open at most ({@code onair.events.max-streams}). */
    public int maxStreams() {
        return Settings.between("onair.events.max-streams", maxStreams, 1, MAX_STREAMS);
    }

    /** Event streams one account keeps open at most on this node ({@code onair.events.max-streams-per-caller}). */
    public int maxStreamsPerCaller() {
        return Settings.between("onair.events.max-streams-per-caller", maxStreamsPerCaller, 1, MAX_STREAMS);
    }

    /** The proxies ({@code onair.http.trusted-proxies}) whose X-Forwarded-For is believed. */
    List<AddressBlock> trustedProxies() {
        return blocks("onair.http.trusted-proxies", trustedProxies);
    }

    /** Addresses or CIDR blocks ({@code onair.rate-limits.exempt}) never limited. */
    public List<String> rateLimitExempt() {
        blocks("onair.rate-limits.exempt", rateLimitExempt);
        return Settings.entries(rateLimitExempt);
    }

    RateLimits.Limit limit(RateLimits.Group group) {
        return RateLimits.Limit.parse(group.key, switch (group) {
            case SIGN_IN -> signInLimit;
            case REFRESH -> refreshLimit;
            case TOKEN -> tokenLimit;
        });
    }

    public boolean secureCookies() {
        return Settings.bool("onair.auth.secure-cookies", secureCookies);
    }

    private static List<AddressBlock> blocks(String key, Optional<List<String>> values) {
        return Settings.entries(values).stream()
                .map(block -> AddressBlock.parse(block)
                        .orElseThrow(() -> new Settings.InvalidSetting(key, "addresses or CIDR blocks", block)))
                .toList();
    }
}
