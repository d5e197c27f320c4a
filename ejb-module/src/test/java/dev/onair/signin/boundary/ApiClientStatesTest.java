package dev.onair.signin.boundary;

import dev.onair.testing.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A revoked client's tokens stop working within one refresh on every node, with one read per client per refresh. */
class ApiClientStatesTest {

    private static final Duration REFRESH = Duration.ofSeconds(5);
    private static final Instant START = Instant.parse("2026-12-03T10:00:00Z");

    /** The database as the states read it: which clients are active, and how often they were read. */
    private static final class Store extends ApiClients {
        final Set<String> active = new HashSet<>();
        int reads;

        @Override
        public boolean active(String clientId, boolean used) {
            reads++;
            return active.contains(clientId);
        }
    }

    @Test
    void aRevocationElsewhereBitesAtTheNextRefreshNotTheTokensExpiry() {
        Store store = new Store();
        store.active.add("a");
        TestClock clock = new TestClock(START);
        ApiClientStates states = new ApiClientStates(store, REFRESH, clock);

        assertTrue(states.active("a"));
        assertTrue(states.active("a"));
        assertEquals(1, store.reads, "one read per client per refresh, not one per request");

        store.active.remove("a"); // revoked on another node
        clock.advance(REFRESH.minusMillis(1));
        assertTrue(states.active("a"), "still as last read");
        clock.advance(Duration.ofMillis(1));
        assertFalse(states.active("a"), "refused once the refresh is due");
        assertEquals(2, store.reads);
    }

    @Test
    void aRevocationOnThisNodeBitesAtOnce() {
        Store store = new Store();
        store.active.add("a");
        ApiClientStates states = new ApiClientStates(store, REFRESH, new TestClock(START));
        assertTrue(states.active("a"));
        store.active.remove("a");
        states.forget("a");
        assertFalse(states.active("a"));
    }

    @Test
    void unknownClientsAreRefusedAndTheMemoryStaysBounded() {
        Store store = new Store();
        TestClock clock = new TestClock(START);
        ApiClientStates states = new ApiClientStates(store, REFRESH, clock);
        for (int i = 0; i < ApiClientStates.MAX_ENTRIES + 10; i++) {
            assertFalse(states.active("c" + i));
            clock.advance(Duration.ofMillis(1));
        }
        assertTrue(states.size() <= ApiClientStates.MAX_ENTRIES, String.valueOf(states.size()));
    }
}
