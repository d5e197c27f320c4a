package dev.onair.api;

import dev.onair.shared.Settings;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Per-client-address rate limits of the endpoints a stranger can call without an account and
 * that cost OnAir a row or a call to a provider: starting a sign-in, its callback, refreshing,
 * signing out. Token buckets from Bucket4j, one per (group, address) in this
 * node's memory; an IPv6 client is counted by its /64, which one host usually holds whole. The
 * client address is the one {@link ClientAddresses} trusts (the connection's peer, or
 * X-Forwarded-For from a configured proxy). Over the limit: 429 {@code rate-limited} with
 * {@code Retry-After}, and nothing stored.
 */
@ApplicationScoped
public class RateLimits {

    private static final Logger LOG = Logger.getLogger(RateLimits.class.getName());
    /** Buckets kept at most; past it, idle (full) buckets go first. */
    static final int MAX_BUCKETS = 100_000;

    /** The limited groups of endpoints, each with its setting ({@code <capacity>/<ISO-8601 period>}). */
    public enum Group {
        SIGN_IN("onair.rate-limits.sign-in"),
        REFRESH("onair.rate-limits.refresh"),
        TOKEN("onair.rate-limits.token");

        final String key;

        Group(String key) {
            this.key = key;
        }
    }

    /** {@code capacity} requests at once, refilled evenly over {@code period}. */
    record Limit(long capacity, Duration period) {

        static Limit parse(String key, String value) {
            String[] parts = value.trim().split("/", 2);
            try {
                long capacity = Long.parseLong(parts[0].trim());
                Duration period = Duration.parse(parts[1].trim());
                if (capacity < 1 || period.isNegative() || period.isZero()) {
                    throw new IllegalArgumentException();
                }
                return new Limit(capacity, period);
            } catch (RuntimeException e) {
                throw new Settings.InvalidSetting(key, "<requests>/<ISO-8601 period> such as 20/PT1M", value);
            }
        }
    }

    @Inject
    WebConfig settings;

    @Inject
    ClientAddresses clients;

    private final Map<Group, Limit> limits = new EnumMap<>(Group.class);
    /** One bucket's owner: a group of endpoints and a client network. */
    private record Key(Group group, String network) {
    }

    private final Map<Key, Bucket> buckets = new ConcurrentHashMap<>();
    private List<String> exempt = List.of();
    private TimeMeter time = TimeMeter.SYSTEM_MILLISECONDS;

    public RateLimits() {
    }

    /** For tests: explicit limits and clock. */
    RateLimits(Map<Group, Limit> limits, List<String> exempt, TimeMeter time) {
        this.limits.putAll(limits);
        this.exempt = exempt;
        this.time = time;
    }

    @PostConstruct
    void init() {
        for (Group group : Group.values()) {
            limits.put(group, settings.limit(group));
        }
        exempt = settings.rateLimitExempt();
        LOG.info(() -> "Rate limits per client address: " + limits + (exempt.isEmpty() ? "" : ", none for " + exempt));
    }

    /** How long {@code clientIp} must wait before it may call {@code group} again; empty when it may now (and is counted). */
    public Optional<Duration> refusal(Group group, String clientIp) {
        if (clientIp == null || ClientAddresses.inAny(clientIp, exempt)) {
            return Optional.empty();
        }
        Key key = new Key(group, network(clientIp));
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            makeRoom();
            Limit limit = limits.get(group);
            bucket = buckets.computeIfAbsent(key, k -> Bucket.builder()
                    .addLimit(b -> b.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                    .withCustomTimePrecision(time)
                    .build());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
        LOG.log(Level.FINE, "Rate limit {0} reached by {1}", new Object[] {group, clientIp});
        return Optional.of(wait);
    }

    int buckets() {
        return buckets.size();
    }

    /** Full buckets belong to clients that stopped asking: dropping them changes nobody's limit. */
    private void makeRoom() {
        if (buckets.size() < MAX_BUCKETS) {
            return;
        }
        buckets.entrySet().removeIf(entry -> entry.getValue().getAvailableTokens() >= limits.get(entry.getKey().group()).capacity());
        if (buckets.size() >= MAX_BUCKETS) {
            LOG.warning("More than " + MAX_BUCKETS + " client addresses are being rate-limited at once; starting over");
            buckets.clear();
        }
    }

    /** The address itself for IPv4; the /64 for IPv6. */
    static String network(String ip) {
        try {
            byte[] address = InetAddress.getByName(ip).getAddress();
            if (address.length == 4) {
                return ip;
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((address[i] & 0xff) << 8) | (address[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return ip;
        }
    }
}
