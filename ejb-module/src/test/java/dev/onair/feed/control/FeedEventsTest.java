package dev.onair.feed.control;

import dev.onair.channels.entity.ChannelOpened;
import dev.onair.channels.entity.ChannelState;
import dev.onair.channels.entity.ChannelUpdated;
import dev.onair.channels.entity.EndReason;
import dev.onair.channels.entity.InterruptionReason;
import dev.onair.channels.entity.StreamEnded;
import dev.onair.channels.entity.StreamInterrupted;
import dev.onair.channels.entity.StreamStarted;
import dev.onair.channels.entity.Visibility;
import dev.onair.delivery.entity.ReplayReady;
import dev.onair.delivery.entity.ThumbnailTaken;
import dev.onair.feed.entity.FeedEvent;
import dev.onair.ingest.entity.PublishDenied;
import dev.onair.ingest.entity.StreamHealth;
import dev.onair.ingest.entity.StreamHealthChanged;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedEventsTest {

    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");
    private static final String CHANNEL = "6f1c1f8e-2a47-4c1e-9d4e-0c6c2b6f9a11";
    private static final String OWNER = "0b7e7f43-5a43-4f0e-8f4e-2b8f1c1d9a10";

    @Test
    void aChannelThatWentLiveEndsItsStreamThenItself() {
        List<FeedEvent> events = FeedEvents.of(new StreamEnded(CHANNEL, OWNER, "publish-1", ChannelState.LIVE, EndReason.BROADCASTER, AT));
        assertEquals(List.of("stream.ended", "channel.ended"), events.stream().map(FeedEvent::type).toList());
        assertTrue(events.get(0).payload().contains("\"reason\":\"ended-by-broadcaster\""), events.get(0).payload());
        assertEquals(OWNER, events.get(1).ownerId());
        assertNull(events.get(0).sequence(), "numbered only by the sequencer");
    }

    @Test
    void aChannelThatNeverWentLiveOnlyEnds() {
        List<FeedEvent> events = FeedEvents.of(new StreamEnded(CHANNEL, OWNER, null, ChannelState.CREATED, EndReason.BROADCASTER, AT));
        assertEquals(List.of("channel.ended"), events.stream().map(FeedEvent::type).toList());
        assertFalse(events.get(0).payload().contains("publishId"));
    }

    @Test
    void payloadsNameWhatHappenedAndNoFolder() {
        FeedEvent started = FeedEvents.of(new StreamStarted(CHANNEL, OWNER, "publish-1", "secretfolder0001", Visibility.PRIVATE, AT)).get(0);
        assertEquals("stream.started", started.type());
        assertFalse(started.payload().contains("secretfolder0001"), "the folder is the stream name: not for integrators");
        assertTrue(started.payload().contains("\"visibility\":\"PRIVATE\""), started.payload());
        FeedEvent interrupted = FeedEvents.of(new StreamInterrupted(CHANNEL, OWNER, "publish-1", InterruptionReason.PUBLISHER_LEFT, AT)).get(0);
        assertTrue(interrupted.payload().contains("\"reason\":\"publisher-left\""), interrupted.payload());
        assertEquals("{\"channelId\":\"" + CHANNEL + "\",\"title\":\"방송 🎮\",\"visibility\":\"PUBLIC\"}",
                FeedEvents.of(new ChannelOpened(CHANNEL, OWNER, "방송 🎮", Visibility.PUBLIC, AT)).payload());
        assertEquals("{\"channelId\":\"" + CHANNEL + "\",\"fields\":[\"title\",\"visibility\"]}",
                FeedEvents.of(new ChannelUpdated(CHANNEL, OWNER, List.of("title", "visibility"), AT)).payload());
    }

    @Test
    void healthRefusalsReplaysAndThumbnailsSayWhoseAndWhatOnly() {
        FeedEvent health = FeedEvents.of(new StreamHealthChanged(CHANNEL, OWNER, "publish-1", StreamHealth.Verdict.STARVING, 120_000, AT));
        assertEquals("stream.health-changed", health.type());
        assertEquals("{\"channelId\":\"" + CHANNEL + "\",\"publishId\":\"publish-1\",\"health\":\"STARVING\",\"bitrate\":120000}",
                health.payload());
        FeedEvent refused = FeedEvents.of(new PublishDenied(OWNER, null, "stream-key-refused", AT));
        assertEquals("publish.refused", refused.type());
        assertNull(refused.channelId());
        assertEquals(OWNER, refused.ownerId(), "the broadcaster whose key it was sees it");
        assertEquals("{\"reason\":\"stream-key-refused\"}", refused.payload());
        FeedEvent busy = FeedEvents.of(new PublishDenied(OWNER, CHANNEL, "already-publishing", AT));
        assertEquals(CHANNEL, busy.channelId());
        FeedEvent replay = FeedEvents.of(new ReplayReady(CHANNEL, OWNER, 61_500, 31, 2, AT));
        assertEquals("replay.ready", replay.type());
        assertEquals("{\"channelId\":\"" + CHANNEL + "\",\"durationMillis\":61500,\"segments\":31,\"publishes\":2}", replay.payload());
        FeedEvent thumbnail = FeedEvents.of(new ThumbnailTaken(CHANNEL, OWNER, AT));
        assertEquals("thumbnail.updated", thumbnail.type());
        assertEquals(AT, thumbnail.at());
    }
}
