package dev.onair.signin.entity;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScopesTest {

    @Test
    void aScopeParameterIsSpaceSeparatedWithoutRepeats() {
        assertEquals(List.of("channels:read", "admin"), Scopes.split("  channels:read admin channels:read "));
        assertEquals(List.of(), Scopes.split(null));
        assertEquals(List.of(), Scopes.split("   "));
        assertEquals(List.of("nonsense"), Scopes.split("nonsense"), "unknown ones are kept, for the caller to refuse");
    }

    @Test
    void joiningWritesKnownScopesInOneOrder() {
        assertEquals("channels:read stream-key:read admin", Scopes.join(List.of("admin", "stream-key:read", "channels:read", "x")));
        assertEquals("", Scopes.join(List.of()));
    }

    @Test
    void knownScopesAreTheSevenOfTheApi() {
        assertEquals(7, Scopes.ALL.size());
        assertTrue(Scopes.known("webhooks:write"));
        assertFalse(Scopes.known("channels"));
        assertFalse(Scopes.known(null));
    }
}
