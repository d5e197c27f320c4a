package dev.onair.system;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What anonymous callers can make OnAir store is bounded: sign-in starts are rate-limited per
 * address (429 with Retry-After, as problem+json), unknown providers leave no row, abandoned
 * sign-ins and login history past its retention are deleted by the purge jobs.
 */
class StrangersIT {

    /** onair.rate-limits.sign-in's default: 20 at once, 20 a minute. */
    private static final int SIGN_IN_CAPACITY = 20;

    @Test
    void aThousandAnonymousSignInStartsFromOneAddressAreLimitedAndTheTableStaysSmall() throws Exception {
        Browser stranger = new Browser("flood/1.0", "203.0.113.77");
        long before = Database.number("SELECT COUNT(*) FROM sign_in_request");
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<Api.Reply> limited = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                replies.add(pool.submit(() -> stranger.get(SignIns.onAir("/api/auth/kakao/login?return_to=/"),
                        Map.of("Accept", "application/json"))));
            }
            for (Future<Api.Reply> reply : replies) {
                Api.Reply r = reply.get();
                statuses.computeIfAbsent(r.status(), s -> new AtomicInteger()).incrementAndGet();
                if (r.status() == 429 && limited.size() < 3) {
                    limited.add(r);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        int started = statuses.getOrDefault(302, new AtomicInteger()).get();
        int refused = statuses.getOrDefault(429, new AtomicInteger()).get();
        assertEquals(1000, started + refused, "only 302 or 429: " + statuses);
        assertTrue(started >= SIGN_IN_CAPACITY && started <= SIGN_IN_CAPACITY + 5, "about the capacity got through: " + statuses);
        Api.Reply one = limited.get(0);
        assertEquals("application/problem+json", one.contentType());
        assertEquals("rate-limited", one.problemType());
        long retryAfter = Long.parseLong(one.header("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        long after = Database.number("SELECT COUNT(*) FROM sign_in_request");
        assertTrue(after - before <= started, "one row per sign-in let through, none for the refused: " + before + " -> " + after);

        Api.Reply elsewhere = new Browser("flood/1.0", "203.0.113.78").get(SignIns.onAir("/api/auth/kakao/login"),
                Map.of("Accept", "application/json"));
        assertEquals(302, elsewhere.status(), "another address has its own limit");
    }

    @Test
    void refreshingIsLimitedPerAddressWithRetryAfter() {
        Browser stranger = new Browser("guesser/1.0", "203.0.113.80");
        Api.Reply limited = null;
        for (int i = 0; i < 100 && limited == null; i++) {
            Api.Reply reply = stranger.post(SignIns.onAir("/api/auth/refresh"), "{\"refreshToken\":\"guess-" + i + "\"}");
            if (reply.status() == 429) {
                limited = reply;
            } else {
                assertEquals("refresh-token-invalid", reply.problemType(), reply::toString);
            }
        }
        assertTrue(limited != null, "a hundred guesses from one address are limited (onair.rate-limits.refresh: 60 a minute)");
        assertEquals("application/problem+json", limited.contentType());
        assertEquals("rate-limited", limited.problemType());
        long retryAfter = Long.parseLong(limited.header("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
    }

    @Test
    void unknownProvidersLeaveNoRow() {
        Browser stranger = new Browser("prober/1.0", "203.0.113.79");
        for (int i = 0; i < 8; i++) {
            Api.Reply reply = stranger.get(SignIns.onAir("/api/auth/nope-" + i + "/login"), Map.of("Accept", "application/json"));
            assertEquals(404, reply.status(), reply::toString);
            assertEquals("unknown-provider", reply.problemType());
            Api.Reply callback = stranger.get(SignIns.onAir("/api/auth/nope-" + i + "/callback?code=x&state=y"),
                    Map.of("Accept", "application/json"));
            assertEquals(404, callback.status(), callback::toString);
        }
        assertEquals(0, Database.number("SELECT COUNT(*) FROM login_attempt WHERE provider LIKE 'nope-%'"));
    }

    @Test
    void abandonedSignInsAndHistoryPastItsRetentionArePurgedByTheJob() {
        Instant now = Instant.now();
        String accountId = Broadcaster.fresh().id();
        String old = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        String oldNotice = UUID.randomUUID().toString();
        String abandoned = "purge-" + UUID.randomUUID().toString().replace("-", "");
        String pending = "purge-" + UUID.randomUUID().toString().replace("-", "");
        String attempt = "INSERT INTO login_attempt (id, account_id, provider, attempted_at, ip, user_agent, outcome, reason) "
                + "VALUES (?, ?, 'kakao', ?, '203.0.113.9', 'purge-test', 'FAILURE', 'provider-refused')";
        Database.update(attempt, old, accountId, now.minus(Duration.ofDays(401)));
        Database.update(attempt, recent, accountId, now.minus(Duration.ofDays(399)));
        Database.update("INSERT INTO login_notice (id, account_id, attempt_id, created_at, provider, ip, user_agent, new_device, new_network) "
                + "VALUES (?, ?, ?, ?, 'kakao', '203.0.113.9', 'purge-test', TRUE, TRUE)", oldNotice, accountId, old,
                now.minus(Duration.ofDays(401)));
        String request = "INSERT INTO sign_in_request (state_hash, provider, browser_hash, code_verifier, nonce, redirect_uri, "
                + "return_to, created_at, expires_at) VALUES (?, 'kakao', 'b', 'v', 'n', 'http://127.0.0.1/cb', '/', ?, ?)";
        Database.update(request, abandoned, now.minus(Duration.ofDays(1)), now.minus(Duration.ofDays(1)).plusSeconds(300));
        Database.update(request, pending, now, now.plusSeconds(300));

        long left = Eventually.await(() -> Database.number("SELECT COUNT(*) FROM login_attempt WHERE id = ?", old)
                + Database.number("SELECT COUNT(*) FROM login_notice WHERE id = ?", oldNotice)
                + Database.number("SELECT COUNT(*) FROM sign_in_request WHERE state_hash = ?", abandoned), n -> n == 0,
                Duration.ofSeconds(30));
        assertEquals(0, left, "history older than 400 days and sign-ins abandoned a day ago are gone");
        assertEquals(1, Database.number("SELECT COUNT(*) FROM login_attempt WHERE id = ?", recent), "399 days old: kept");
        assertEquals(1, Database.number("SELECT COUNT(*) FROM sign_in_request WHERE state_hash = ?", pending), "still running: kept");
    }
}
