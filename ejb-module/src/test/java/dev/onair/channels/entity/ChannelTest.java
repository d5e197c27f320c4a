package dev.onair.channels.entity;

import dev.onair.accounts.entity.Account;
import dev.onair.shared.InvalidInput;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ChannelTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private final Account owner = new Account("a-1", "BJ", null, null, Set.of(), T0);

    private Channel channel() {
        return new Channel(owner, new ChannelDraft("첫 방송 🎮", null, Visibility.PUBLIC), T0);
    }

    @Test
    void aNewChannelIsCreatedAndHeldOpenForItsOwner() {
        Channel channel = channel();
        assertEquals(ChannelState.CREATED, channel.state());
        assertEquals("", channel.description());
        assertNull(channel.startedAt());
    }

    @Test
    void goingLiveStampsTheStartOnceAndEndingStampsTheEnd() {
        Channel channel = channel();
        Instant live = T0.plusSeconds(5);
        channel.moveTo(ChannelState.LIVE, live);
        channel.moveTo(ChannelState.RECONNECTING, T0.plusSeconds(10));
        channel.moveTo(ChannelState.LIVE, T0.plusSeconds(15));
        assertEquals(live, channel.startedAt());
        channel.moveTo(ChannelState.ENDED, T0.plusSeconds(20));
        assertEquals(T0.plusSeconds(20), channel.endedAt());
        assertEquals(ChannelState.ENDED, channel.state());
    }

    @Test
    void anIllegalMoveChangesNothing() {
        Channel channel = channel();
        channel.moveTo(ChannelState.ENDED, T0.plusSeconds(1));
        IllegalTransition refusal = assertThrows(IllegalTransition.class,
                () -> channel.moveTo(ChannelState.LIVE, T0.plusSeconds(2)));
        assertEquals("illegal-transition", refusal.type());
        assertEquals(ChannelState.ENDED, channel.state());
        assertEquals(T0.plusSeconds(1), channel.updatedAt());
        assertNull(channel.startedAt());
    }

    @Test
    void anEditReplacesOnlyTheFieldsItNames() {
        Channel channel = channel();
        channel.apply(new ChannelChanges(Optional.empty(), Optional.of("설명"), Optional.of(Visibility.PRIVATE)),
                T0.plusSeconds(3));
        assertEquals("첫 방송 🎮", channel.title());
        assertEquals("설명", channel.description());
        assertEquals(Visibility.PRIVATE, channel.visibility());
    }

    @Test
    void anEmptyEditIsRefused() {
        InvalidInput refusal = assertThrows(InvalidInput.class,
                () -> new ChannelChanges(Optional.empty(), Optional.empty(), Optional.empty()));
        assertEquals("body", refusal.errors().get(0).field());
    }

    @Test
    void aDraftNamesEveryBadField() {
        InvalidInput refusal = assertThrows(InvalidInput.class,
                () -> new ChannelDraft(" ", "x".repeat(2001), null));
        assertEquals(3, refusal.errors().size());
        assertEquals("title", refusal.errors().get(0).field());
        assertEquals("description", refusal.errors().get(1).field());
        assertEquals("visibility", refusal.errors().get(2).field());
    }
}
