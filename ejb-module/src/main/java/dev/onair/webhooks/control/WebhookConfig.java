package dev.onair.webhooks.control;

import dev.onair.shared.AddressBlock;
import dev.onair.shared.Settings;
import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The webhooks' settings ({@code onair.webhooks.*}): how long a delivery is retried and how the
 * waits between tries grow, when a failing subscription is disabled, the time one try may take,
 * how many are under way at once on a node, how often the queue is looked at, the lease a node
 * holds on a delivery it sends, the overlap of an old secret after a rotation, whether plain
 * {@code http} receivers are allowed (development only), and the address blocks a receiver may be
 * in although they are private (an operator's own network, the tests' loopback receiver).
 */
@Settings.Prefix("onair.webhooks")
@Dependent
public class WebhookConfig extends Settings.Bound {

    /** The most tries under way at once any setting may allow. */
    private static final int MAX_CONCURRENCY = 256;
    /** The most subscriptions any setting may give one account. */
    private static final int MAX_SUBSCRIPTIONS = 1000;

    @ConfigProperty(name = "retry-period")
    Duration retryPeriod;

    @ConfigProperty(name = "backoff-first")
    Duration backoffFirst;

    @ConfigProperty(name = "backoff-max")
    Duration backoffMax;

    @ConfigProperty(name = "disable-after")
    Duration disableAfter;

    @ConfigProperty(name = "timeout")
    Duration timeout;

    @ConfigProperty(name = "concurrency")
    int concurrency;

    @ConfigProperty(name = "poll-interval")
    Duration pollInterval;

    @ConfigProperty(name = "lease")
    Duration lease;

    @ConfigProperty(name = "secret-overlap")
    Duration secretOverlap;

    @ConfigProperty(name = "allow-http")
    String allowHttp;

    @ConfigProperty(name = "allow")
    Optional<List<String>> allow;

    @ConfigProperty(name = "max-per-account")
    int maxPerAccount;

    @Override
    public void check() {
        retryPeriod();
        backoffFirst();
        backoffMax();
        disableAfter();
        timeout();
        concurrency();
        pollInterval();
        lease();
        secretOverlap();
        allowHttp();
        allow();
        maxPerAccount();
        if (lease.compareTo(timeout.multipliedBy(2)) <= 0) {
            throw new Settings.InvalidSetting("onair.webhooks.lease", "a duration longer than twice onair.webhooks.timeout", lease);
        }
    }

    public Duration retryPeriod() {
        return Settings.positive("onair.webhooks.retry-period", retryPeriod);
    }

    public Duration backoffFirst() {
        return Settings.positive("onair.webhooks.backoff-first", backoffFirst);
    }

    public Duration backoffMax() {
        return Settings.positive("onair.webhooks.backoff-max", backoffMax);
    }

    public Duration disableAfter() {
        return Settings.positive("onair.webhooks.disable-after", disableAfter);
    }

    public Duration timeout() {
        return Settings.positive("onair.webhooks.timeout", timeout);
    }

    public int concurrency() {
        return Settings.between("onair.webhooks.concurrency", concurrency, 1, MAX_CONCURRENCY);
    }

    public Duration pollInterval() {
        return Settings.positive("onair.webhooks.poll-interval", pollInterval);
    }

    public Duration lease() {
        return Settings.positive("onair.webhooks.lease", lease);
    }

    public Duration secretOverlap() {
        return Settings.positive("onair.webhooks.secret-overlap", secretOverlap);
    }

    public boolean allowHttp() {
        return Settings.bool("onair.webhooks.allow-http", allowHttp);
    }

    public List<AddressBlock> allow() {
        return Settings.entries(allow).stream()
                .map(block -> AddressBlock.parse(block)
                        .orElseThrow(() -> new Settings.InvalidSetting("onair.webhooks.allow", "addresses or CIDR blocks", block)))
                .toList();
    }

    public int maxPerAccount() {
        return Settings.between("onair.webhooks.max-per-account", maxPerAccount, 1, MAX_SUBSCRIPTIONS);
    }
}
