package dev.onair.container;

import dev.onair.accounts.boundary.Accounts;
import dev.onair.accounts.entity.Caller;
import dev.onair.accounts.entity.Profile;
import dev.onair.channels.boundary.ChannelLifecycle;
import dev.onair.channels.boundary.Studio;
import dev.onair.channels.entity.Channel;
import dev.onair.channels.entity.ChannelDraft;
import dev.onair.channels.entity.ChannelOpened;
import dev.onair.channels.entity.ChannelState;
import dev.onair.channels.entity.IllegalTransition;
import dev.onair.channels.entity.StreamEnded;
import dev.onair.channels.entity.Visibility;
import dev.onair.ingest.boundary.StreamKeys;
import dev.onair.ingest.entity.StreamKey;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Channel events cross from the EJB module to a web module, after commit and once each. */
@ExtendWith(ArquillianExtension.class)
class ChannelEventsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.onairWith(ChannelEventsIT.class, EventRecorder.class);
    }

    @Inject
    Studio studio;

    @EJB
    ChannelLifecycle lifecycle;

    @EJB
    Accounts accounts;

    @EJB
    StreamKeys streamKeys;

    @Inject
    EventRecorder recorder;

    private Caller newBroadcaster() {
        String id = accounts.signIn(new Profile("test", UUID.randomUUID().toString(), "BJ", null, null)).account().id();
        return new Caller(id, false);
    }

    @Test
    void openingAndEndingAreObservedInTheWebModuleInOrderOnceEach() {
        Caller caller = newBroadcaster();
        Channel channel = studio.open(caller, new ChannelDraft("events", null, Visibility.PUBLIC));
        lifecycle.end(channel.id(), caller);
        assertThrows(IllegalTransition.class, () -> lifecycle.end(channel.id(), caller));

        List<Object> events = recorder.eventsOf(channel.id());
        assertEquals(2, events.size(), events::toString);
        ChannelOpened opened = assertInstanceOf(ChannelOpened.class, events.get(0));
        assertEquals(caller.accountId(), opened.ownerId());
        StreamEnded ended = assertInstanceOf(StreamEnded.class, events.get(1));
        assertEquals(ChannelState.CREATED, ended.previous());
        assertEquals(caller.accountId(), ended.ownerId());
        assertEquals("ended-by-broadcaster", ended.reason().code());
        assertNull(ended.publishId(), "never published");
    }

    @Test
    void aRefusedChangeFiresNothing() {
        Caller caller = newBroadcaster();
        Channel channel = studio.open(caller, new ChannelDraft("refused", null, Visibility.PUBLIC));
        Caller stranger = newBroadcaster();
        assertThrows(RuntimeException.class, () -> lifecycle.end(channel.id(), stranger));
        assertEquals(1, recorder.eventsOf(channel.id()).size(), "only the opening");
        assertEquals(ChannelState.CREATED, studio.enter(caller).orElseThrow().state());
    }

    @Test
    void aRotatedKeysOldSecretNoLongerOpensTheDoor() {
        Caller caller = newBroadcaster();
        String before = streamKeys.settingsOf(caller.accountId()).streamKey();
        String name = before.substring(0, before.indexOf('?'));
        String oldSecret = before.substring(before.indexOf("?key=") + 5);
        assertEquals(Optional.of(caller.accountId()), streamKeys.verified(name, oldSecret).map(StreamKey::accountId));

        String after = streamKeys.rotate(caller.accountId()).streamKey();
        String newSecret = after.substring(after.indexOf("?key=") + 5);
        assertEquals(Optional.empty(), streamKeys.verified(name, oldSecret).map(StreamKey::accountId));
        assertEquals(Optional.of(caller.accountId()), streamKeys.verified(name, newSecret).map(StreamKey::accountId));
        assertEquals(Optional.empty(), streamKeys.verified("nosuchname000000", newSecret).map(StreamKey::accountId));
    }
}
