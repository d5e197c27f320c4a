package dev.onair.channels.entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChannelStateTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "CREATED, CREATED, false",
            "CREATED, LIVE, true",
            "CREATED, RECONNECTING, false",
            "CREATED, ENDED, true",
            "LIVE, CREATED, false",
            "LIVE, LIVE, false",
            "LIVE, RECONNECTING, true",
            "LIVE, ENDED, true",
            "RECONNECTING, CREATED, false",
            "RECONNECTING, LIVE, true",
            "RECONNECTING, RECONNECTING, false",
            "RECONNECTING, ENDED, true",
            "ENDED, CREATED, false",
            "ENDED, LIVE, false",
            "ENDED, RECONNECTING, false",
            "ENDED, ENDED, false",
    })
    void allowsExactlyTheDocumentedMoves(ChannelState from, ChannelState to, boolean allowed) {
        assertEquals(allowed, from.canMoveTo(to));
    }

    @Test
    void onlyEndedIsFinished() {
        assertTrue(ChannelState.CREATED.unfinished());
        assertTrue(ChannelState.LIVE.unfinished());
        assertTrue(ChannelState.RECONNECTING.unfinished());
        assertFalse(ChannelState.ENDED.unfinished());
    }

    @Test
    void onAirMeansLiveOrReconnecting() {
        assertFalse(ChannelState.CREATED.onAir());
        assertTrue(ChannelState.LIVE.onAir());
        assertTrue(ChannelState.RECONNECTING.onAir());
        assertFalse(ChannelState.ENDED.onAir());
    }
}
