package dev.onair.api;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimitsTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };

    private RateLimits limits(String... exempt) {
        return new RateLimits(Map.of(
                RateLimits.Group.SIGN_IN, new RateLimits.Limit(3, Duration.ofMinutes(1)),
                RateLimits.Group.REFRESH, new RateLimits.Limit(10, Duration.ofMinutes(1))), List.of(exempt), clock);
    }

    @Test
    void anAddressGetsItsCapacityThenWaitsForTheRefill() {
        RateLimits limits = limits();
        for (int i = 0; i < 3; i++) {
            assertTrue(limits.refusal(RateLimits.Group.SIGN_IN, "198.51.100.7").isEmpty(), "call " + i);
        }
        Optional<Duration> refused = limits.refusal(RateLimits.Group.SIGN_IN, "198.51.100.7");
        assertTrue(refused.isPresent());
        assertEquals(20, refused.get().toSeconds(), "one token back every 20 s");
        nanos.addAndGet(Duration.ofSeconds(20).toNanos());
        assertTrue(limits.refusal(RateLimits.Group.SIGN_IN, "198.51.100.7").isEmpty(), "refilled");
    }

    @Test
    void addressesAndGroupsHaveBucketsOfTheirOwn() {
        RateLimits limits = limits();
        for (int i = 0; i < 3; i++) {
            limits.refusal(RateLimits.Group.SIGN_IN, "198.51.100.7");
        }
        assertTrue(limits.refusal(RateLimits.Group.SIGN_IN, "198.51.100.8").isEmpty(), "another address");
        assertTrue(limits.refusal(RateLimits.Group.REFRESH, "198.51.100.7").isEmpty(), "another group");
    }

    @Test
    void anIpv6HostIsCountedByItsSlash64() {
        RateLimits limits = limits();
        for (int i = 0; i < 3; i++) {
            assertTrue(limits.refusal(RateLimits.Group.SIGN_IN, "2001:db8:1:2::" + (i + 1)).isEmpty());
        }
        assertTrue(limits.refusal(RateLimits.Group.SIGN_IN, "2001:db8:1:2:ffff::9").isPresent(), "same /64");
        assertTrue(limits.refusal(RateLimits.Group.SIGN_IN, "2001:db8:1:3::1").isEmpty(), "another /64");
    }

    @Test
    void exemptAddressesAreNeverLimited() {
        RateLimits limits = limits("10.0.0.0/8");
        for (int i = 0; i < 50; i++) {
            assertTrue(limits.refusal(RateLimits.Group.SIGN_IN, "10.1.2.3").isEmpty());
        }
        assertEquals(0, limits.buckets(), "no bucket kept for them");
    }

    @Test
    void aMalformedSettingNamesItsKey() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RateLimits.Limit.parse("onair.rate-limits.sign-in", "many"));
        assertTrue(e.getMessage().contains("onair.rate-limits.sign-in"));
        assertThrows(IllegalStateException.class, () -> RateLimits.Limit.parse("k", "0/PT1M"));
        assertThrows(IllegalStateException.class, () -> RateLimits.Limit.parse("k", "5/PT0S"));
        assertEquals(new RateLimits.Limit(20, Duration.ofMinutes(1)), RateLimits.Limit.parse("k", " 20 / PT1M "));
    }
}
