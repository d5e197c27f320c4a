package dev.onair.container;

import dev.onair.accounts.boundary.Accounts;
import dev.onair.accounts.entity.Caller;
import dev.onair.accounts.entity.Profile;
import dev.onair.channels.boundary.ChannelLifecycle;
import dev.onair.channels.boundary.Channels;
import dev.onair.channels.boundary.Studio;
import dev.onair.channels.entity.Channel;
import dev.onair.channels.entity.ChannelDraft;
import dev.onair.channels.entity.ChannelState;
import dev.onair.channels.entity.StreamEnded;
import dev.onair.channels.entity.StreamEvent;
import dev.onair.channels.entity.StreamEventRecord;
import dev.onair.channels.entity.StreamInterrupted;
import dev.onair.channels.entity.StreamResumed;
import dev.onair.channels.entity.StreamStarted;
import dev.onair.channels.entity.Visibility;
import dev.onair.delivery.control.SyncRecords.FolderPublish;
import dev.onair.delivery.control.SyncRecords.ReplayCheck;
import dev.onair.delivery.control.SyncRecords;
import dev.onair.ingest.boundary.PublishGate;
import dev.onair.ingest.boundary.StreamKeys;
import dev.onair.ingest.entity.Publish;
import dev.onair.ingest.entity.PublishCall;
import dev.onair.ingest.entity.PublishRefused;
import dev.onair.shared.InvalidInput;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stream lifecycle driven through nginx-rtmp's callbacks as nginx makes them (this server runs
 * no nginx: onair.ingest.mode=none, reconnect window 3 s, maximum broadcast 6 s), watched by a test observer of the
 * events: in order, once each, after commit, and untouched by duplicate, late or out-of-order calls.
 */
@ExtendWith(ArquillianExtension.class)
class StreamLifecycleIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.onairWith(StreamLifecycleIT.class, EventRecorder.class);
    }

    @Inject
    Studio studio;

    @EJB
    Channels channels;

    @EJB
    ChannelLifecycle lifecycle;

    @EJB
    Accounts accounts;

    @EJB
    StreamKeys streamKeys;

    @EJB
    PublishGate gate;

    @EJB
    SyncRecords records;

    @Inject
    EventRecorder recorder;

    @Resource(lookup = "jdbc/onair")
    DataSource dataSource;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    /** An admin, who may read every channel's journal. */
    private static final Caller ADMIN = new Caller("container-test-admin", true);

    private record Broadcaster(Caller caller, String name, String secret) {

        PublishCall call(String clientId) {
            return PublishCall.of("live", "live", name, secret, clientId, "127.0.0.1");
        }
    }

    private Broadcaster newBroadcaster() {
        String id = accounts.signIn(new Profile("test", UUID.randomUUID().toString(), "BJ", null, null)).account().id();
        String key = streamKeys.settingsOf(id).streamKey();
        return new Broadcaster(new Caller(id, false), key.substring(0, key.indexOf('?')), key.substring(key.indexOf("?key=") + 5));
    }

    private Channel open(Broadcaster broadcaster) {
        return studio.open(broadcaster.caller(), new ChannelDraft("lifecycle", null, Visibility.PUBLIC));
    }

    @Test
    void aBroadcastFromStartToEndFiresEachEventOnceInOrder() {
        Broadcaster bj = newBroadcaster();
        Channel channel = open(bj);

        assertEquals(Optional.empty(), gate.publish(bj.call("11")));
        assertEquals(Optional.empty(), gate.publish(bj.call("11")), "the same publish asked twice is accepted twice");
        assertEquals(ChannelState.LIVE, channels.find(channel.id()).state());
        assertEquals(Optional.empty(), gate.update(bj.call("11")));

        assertEquals("already-publishing", gate.publish(bj.call("12")).orElseThrow().type(),
                "a second publisher, while nginx cannot vouch the first is gone");

        gate.publishDone(bj.call("11"));
        gate.publishDone(bj.call("11"));
        assertEquals(ChannelState.RECONNECTING, channels.find(channel.id()).state());
        assertEquals("publish-ended", gate.update(bj.call("11")).orElseThrow().type(), "a late update of the ended publish");

        assertEquals(Optional.empty(), gate.publish(bj.call("13")));
        assertEquals(ChannelState.LIVE, channels.find(channel.id()).state());
        assertEquals(channel.id(), studio.enter(bj.caller()).orElseThrow().id(), "the same channel resumed");

        lifecycle.end(channel.id(), bj.caller());
        gate.publishDone(bj.call("13"));
        assertEquals("publish-ended", gate.update(bj.call("13")).orElseThrow().type());
        assertEquals("no-open-channel", gate.publish(bj.call("14")).orElseThrow().type(), "the encoder's reconnect");

        List<Object> events = recorder.eventsOf(channel.id());
        assertEquals(5, events.size(), events::toString); // opened + 4 stream events
        StreamStarted started = assertInstanceOf(StreamStarted.class, events.get(1));
        StreamInterrupted interrupted = assertInstanceOf(StreamInterrupted.class, events.get(2));
        StreamResumed resumed = assertInstanceOf(StreamResumed.class, events.get(3));
        StreamEnded ended = assertInstanceOf(StreamEnded.class, events.get(4));
        assertEquals(started.publishId(), interrupted.publishId());
        assertEquals("publisher-left", interrupted.reason().code());
        assertTrue(!resumed.publishId().equals(started.publishId()), "a new publish");
        assertEquals(resumed.publishId(), ended.publishId());
        assertEquals(ChannelState.LIVE, ended.previous());
        assertEquals("ended-by-broadcaster", ended.reason().code());
        assertTrue(!interrupted.at().isBefore(started.at()) && !ended.at().isBefore(resumed.at()));

        List<StreamEventRecord> journal = lifecycle.journalOf(channel.id(), ADMIN);
        assertEquals(List.of("STARTED", "INTERRUPTED", "RESUMED", "ENDED"), journal.stream().map(StreamEventRecord::type).toList());
        List<Publish> publishes = gate.publishesOf(channel.id());
        assertEquals(List.of("publisher-left", "channel-ended"), publishes.stream().map(Publish::endReason).toList());

        assertEquals(bj.name(), started.folder(), "nginx writes a publish under the stream's public name");
        assertEquals(bj.name(), resumed.folder());
        assertEquals(Visibility.PUBLIC, started.visibility());
        assertEquals(List.of(publish(resumed.publishId(), channel.id(), resumed.at(), ended.at()),
                        publish(started.publishId(), channel.id(), started.at(), interrupted.at())),
                records.publishesOf(bj.name(), 10).stream()
                        .map(p -> publish(p.publishId(), p.channelId(), p.privateChannel(), p.startedAt(), p.endedAt())).toList(),
                "delivery's own record of the publishes, from the events, with the channel's visibility");
        assertEquals(Optional.of(bj.name()), records.folderOfPublish(started.publishId()));
        assertEquals(ReplayCheck.State.DUE, records.replayCheck(channel.id(), Duration.ZERO, Instant.now()).state(),
                "ended, as delivery recorded it: the replay (of no segment here) is due");
        assertEquals(ReplayCheck.State.WAIT, records.replayCheck(channel.id(), Duration.ofHours(1), Instant.now()).state(),
                "but not before its last publish ended a grace period ago");
    }

    /** A publish as delivery records it, to the millisecond (what every database keeps). */
    private static FolderPublish publish(String id, String channelId, Instant started, Instant ended) {
        return publish(id, channelId, false, started, ended);
    }

    private static FolderPublish publish(String id, String channelId, boolean privateChannel, Instant started, Instant ended) {
        return new FolderPublish(id, channelId, privateChannel, started.truncatedTo(ChronoUnit.MILLIS), ended.truncatedTo(ChronoUnit.MILLIS));
    }

    /** Forgets delivery's record of the channel, as a node of the version before delivery kept one would have left it. */
    private void forgetDeliveryRecords(String channelId) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            for (String table : List.of("delivery_publish", "delivery_channel")) {
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE channel_id = ?")) {
                    delete.setString(1, channelId);
                    assertEquals(1, delete.executeUpdate(), table);
                }
            }
        }
    }

    @Test
    void aResumeOrAnEndRecordsAChannelDeliveryHasNoRecordOf() throws Exception {
        Broadcaster bj = newBroadcaster();
        Channel channel = studio.open(bj.caller(), new ChannelDraft("went live before delivery kept records", null, Visibility.PRIVATE));
        assertEquals(Optional.empty(), gate.publish(bj.call("61")));
        gate.publishDone(bj.call("61"));
        forgetDeliveryRecords(channel.id());
        assertEquals(Optional.empty(), gate.publish(bj.call("62")), "the resume is not refused for delivery's sake");
        assertEquals(ChannelState.LIVE, channels.find(channel.id()).state());
        try (Connection c = dataSource.getConnection();
             PreparedStatement read = c.prepareStatement("SELECT private_channel FROM delivery_channel WHERE channel_id = ?")) {
            read.setString(1, channel.id());
            try (ResultSet row = read.executeQuery()) {
                assertTrue(row.next() && row.getBoolean(1), "made again from the channel: private");
            }
        }
        assertEquals(List.of(true), records.publishesOf(bj.name(), 10).stream().filter(p -> p.channelId().equals(channel.id()))
                .map(FolderPublish::privateChannel).toList(), "the resumed publish, of a private channel");

        forgetDeliveryRecords(channel.id());
        assertEquals(ReplayCheck.State.NONE, records.replayCheck(channel.id(), Duration.ZERO, Instant.now()).state());
        lifecycle.end(channel.id(), bj.caller());
        assertEquals(ReplayCheck.State.DUE, records.replayCheck(channel.id(), Duration.ZERO, Instant.now()).state(),
                "ended, and recorded at its end: its replay is written like any other");
    }

    @Test
    void theReconnectWindowPassing() throws InterruptedException {
        Broadcaster bj = newBroadcaster();
        Channel channel = open(bj);
        assertEquals(Optional.empty(), gate.publish(bj.call("21")));
        gate.publishDone(bj.call("21"));
        Thread.sleep(3_500); // the window is 3 s here; the watchdog (every 1 s) or the next publish ends it
        assertEquals("no-open-channel", gate.publish(bj.call("22")).orElseThrow().type());
        Channel ended = channels.find(channel.id());
        assertEquals(ChannelState.ENDED, ended.state());
        assertEquals("reconnect-timeout", ended.endReason());
        assertEquals(List.of("STARTED", "INTERRUPTED", "ENDED"),
                lifecycle.journalOf(channel.id(), ADMIN).stream().map(StreamEventRecord::type).toList());
        assertEquals(3, recorder.eventsOf(channel.id()).size() - 1);
    }

    @Test
    void theMaximumBroadcastLengthEndsTheChannelAndItsPublish() throws InterruptedException {
        Broadcaster bj = newBroadcaster();
        Channel channel = open(bj);
        assertEquals(Optional.empty(), gate.publish(bj.call("51")));
        long deadline = System.nanoTime() + 12_000_000_000L;
        while (channels.find(channel.id()).state() != ChannelState.ENDED && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        Channel ended = channels.find(channel.id());
        assertEquals(ChannelState.ENDED, ended.state());
        assertEquals("max-length", ended.endReason());
        assertTrue(!ended.endedAt().isBefore(ended.startedAt().plusSeconds(6)), "not before the 6 s limit");
        assertEquals("publish-ended", gate.update(bj.call("51")).orElseThrow().type(), "nginx's next on_update ends the publish");
        assertEquals(List.of("channel-ended"), gate.publishesOf(channel.id()).stream().map(Publish::endReason).toList());
        List<StreamEventRecord> journal = lifecycle.journalOf(channel.id(), ADMIN);
        assertEquals(List.of("STARTED", "ENDED"), journal.stream().map(StreamEventRecord::type).toList());
        assertEquals("max-length", journal.get(1).reason());
    }

    @Test
    void refusalsChangeNothing() {
        Broadcaster bj = newBroadcaster();
        assertEquals("no-open-channel", gate.publish(bj.call("31")).orElseThrow().type());
        Channel channel = open(bj);
        PublishCall wrongSecret = PublishCall.of("live", "live", bj.name(), bj.secret().substring(1) + "x", "32", null);
        assertEquals("stream-key-refused", gate.publish(wrongSecret).orElseThrow().type());
        PublishCall noSecret = PublishCall.of("live", "live", bj.name(), null, "33", null);
        assertEquals("stream-key-refused", gate.publish(noSecret).orElseThrow().type());
        PublishCall unknownName = PublishCall.of("live", "live", "zzzzzzzzzzzzzzzz", bj.secret(), "34", null);
        assertEquals("stream-key-refused", gate.publish(unknownName).orElseThrow().type());
        InvalidInput traversal = assertThrows(InvalidInput.class,
                () -> PublishCall.of("live", "live", "../../etc/passwd", bj.secret(), "35", null));
        assertEquals("name", traversal.errors().get(0).field());
        assertThrows(InvalidInput.class, () -> PublishCall.of("live", "live", bj.name() + "0", bj.secret(), "36", null));
        assertThrows(InvalidInput.class, () -> PublishCall.of("live", "other", bj.name(), bj.secret(), "37", null));
        assertThrows(InvalidInput.class, () -> PublishCall.of("live", "live", bj.name(), bj.secret(), "x1", null));

        assertEquals(ChannelState.CREATED, channels.find(channel.id()).state());
        assertEquals(List.of(), lifecycle.journalOf(channel.id(), ADMIN));
        assertEquals(List.of(), gate.publishesOf(channel.id()));
    }

    @Test
    void rotatingTheKeyEndsThePublishAndRefusesTheOldKey() {
        Broadcaster bj = newBroadcaster();
        Channel channel = open(bj);
        assertEquals(Optional.empty(), gate.publish(bj.call("41")));
        String rotated = streamKeys.rotate(bj.caller().accountId()).streamKey();
        assertEquals(ChannelState.RECONNECTING, channels.find(channel.id()).state());
        assertEquals("publish-ended", gate.update(bj.call("41")).orElseThrow().type());
        gate.publishDone(bj.call("41"));
        assertEquals("stream-key-refused", gate.publish(bj.call("42")).orElseThrow().type(), "the old key");

        Broadcaster renewed = new Broadcaster(bj.caller(), bj.name(), rotated.substring(rotated.indexOf("?key=") + 5));
        assertEquals(Optional.empty(), gate.publish(renewed.call("43")));
        assertEquals(ChannelState.LIVE, channels.find(channel.id()).state());
        assertEquals(List.of("STARTED", "INTERRUPTED", "RESUMED"),
                lifecycle.journalOf(channel.id(), ADMIN).stream().map(StreamEventRecord::type).toList());
        assertEquals("key-rotated", lifecycle.journalOf(channel.id(), ADMIN).get(1).reason());
        lifecycle.end(channel.id(), bj.caller());
    }

    @Test
    void concurrentPublishesOnOneKeyLetExactlyOneIn() throws Exception {
        Broadcaster bj = newBroadcaster();
        Channel channel = open(bj);
        int publishers = 8;
        {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<PublishRefused>>> answers = new ArrayList<>();
            for (int i = 0; i < publishers; i++) {
                String clientId = String.valueOf(100 + i);
                Callable<Optional<PublishRefused>> publish = () -> {
                    start.await();
                    return gate.publish(bj.call(clientId));
                };
                answers.add(executor.submit(publish));
            }
            start.countDown();
            int accepted = 0;
            for (Future<Optional<PublishRefused>> answer : answers) {
                Optional<PublishRefused> refusal = answer.get();
                if (refusal.isEmpty()) {
                    accepted++;
                } else {
                    assertEquals("already-publishing", refusal.get().type());
                }
            }
            assertEquals(1, accepted);
        }
        assertEquals(1, gate.publishesOf(channel.id()).size());
        List<Object> events = recorder.eventsOf(channel.id());
        assertEquals(1, events.stream().filter(StreamEvent.class::isInstance).count(), events::toString);
        lifecycle.end(channel.id(), bj.caller());
    }
}
