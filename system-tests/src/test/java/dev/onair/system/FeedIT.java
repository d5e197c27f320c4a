package dev.onair.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The event feed: a channel's story in order, with a real publish; numbers that are gap-free and
 * strictly increasing while many transactions write at once; each reader sees its own channels
 * (an admin everyone's); API clients need events:read.
 */
class FeedIT {

    private static final Duration LIVE_WITHIN = Duration.ofSeconds(15);
    private static final Duration NUMBERED_WITHIN = Duration.ofSeconds(10);

    private static final List<String> LIFECYCLE = List.of("channel.created", "channel.updated", "channel.ended", "stream.started",
            "stream.interrupted", "stream.resumed", "stream.ended");

    private final Api api = new Api();

    private static List<JsonObject> events(Api.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonArray("events").getValuesAs(JsonObject.class);
    }

    private static List<String> types(List<JsonObject> events) {
        return events.stream().map(e -> e.getString("type")).toList();
    }

    /** The caller's events of {@code channelId}, once there are at least {@code count}. */
    private List<JsonObject> awaitEvents(String token, String channelId, int count) {
        return Eventually.await(() -> events(api.get("/api/events?channel=" + channelId, token)), e -> e.size() >= count, NUMBERED_WITHIN);
    }

    @Test
    void aChannelsStoryIsInTheFeedInOrder() {
        Broadcast broadcast = Broadcast.open(api, "A story");
        String token = broadcast.broadcaster().token();
        assertEquals(200, api.patch("/api/channels/" + broadcast.channelId(), token, "{\"title\":\"A better story\"}").status());
        try (Publisher wrong = Publisher.start(broadcast.serverUrl(), broadcast.streamName() + "?key=not-the-key")) {
            JsonObject refused = Eventually.await(() -> events(api.get("/api/events?types=publish.refused", token)), e -> !e.isEmpty(),
                    NUMBERED_WITHIN).get(0);
            assertEquals("stream-key-refused", refused.getJsonObject("data").getString("reason"), wrong::output);
        }
        try (Publisher obs = broadcast.publish()) {
            assertEquals("LIVE", broadcast.awaitState("LIVE", LIVE_WITHIN), obs::output);
            obs.stop();
            assertEquals("RECONNECTING", broadcast.awaitState("RECONNECTING", Duration.ofSeconds(10)));
        }
        try (Publisher again = broadcast.publish()) {
            assertEquals("LIVE", broadcast.awaitState("LIVE", LIVE_WITHIN), again::output);
            assertEquals(200, broadcast.end().status());
        }
        List<JsonObject> all = Eventually.await(() -> events(api.get("/api/events?channel=" + broadcast.channelId(), token)),
                e -> types(e).contains("replay.ready"), Duration.ofSeconds(60));
        List<JsonObject> story = all.stream().filter(e -> LIFECYCLE.contains(e.getString("type"))).toList();
        assertEquals(List.of("channel.created", "channel.updated", "stream.started", "stream.interrupted", "stream.resumed",
                "stream.ended", "channel.ended"), types(story));
        JsonObject replay = all.get(all.size() - 1);
        assertEquals("replay.ready", replay.getString("type"), "the replay comes after the end: " + types(all));
        assertEquals(2, replay.getJsonObject("data").getInt("publishes"));
        assertTrue(replay.getJsonObject("data").getJsonNumber("durationMillis").longValue() > 0);
        for (int i = 1; i < story.size(); i++) {
            assertTrue(story.get(i).getJsonNumber("sequence").longValue() > story.get(i - 1).getJsonNumber("sequence").longValue());
        }
        JsonObject created = story.get(0);
        assertEquals("A story", created.getJsonObject("data").getString("title"));
        assertEquals(broadcast.channelId(), created.getString("channelId"));
        assertEquals(List.of("title"), story.get(1).getJsonObject("data").getJsonArray("fields").getValuesAs(JsonString.class)
                .stream().map(JsonString::getString).toList());
        assertEquals("publisher-left", story.get(3).getJsonObject("data").getString("reason"), story.get(3).toString());
        assertEquals("ended-by-broadcaster", story.get(5).getJsonObject("data").getString("reason"), story.get(5).toString());
        String text = story.toString();
        assertFalse(text.contains(broadcast.streamKey().substring(broadcast.streamKey().indexOf("?key=") + 5)), "no secret in the feed");

        // reading after the last one seen gives nothing twice; types filter
        long last = story.get(story.size() - 1).getJsonNumber("sequence").longValue();
        assertEquals(List.of(), events(api.get("/api/events?channel=" + broadcast.channelId() + "&after=" + last
                + "&types=" + String.join(",", LIFECYCLE), token)));
        assertEquals(List.of("stream.started", "stream.resumed"),
                types(events(api.get("/api/events?channel=" + broadcast.channelId() + "&types=stream.started,stream.resumed", token))));
        Api.Reply page = api.get("/api/events?channel=" + broadcast.channelId() + "&limit=2", token);
        assertEquals(2, events(page).size());
        assertEquals(story.get(1).getJsonNumber("sequence").longValue(), page.json().getJsonNumber("next").longValue());
    }

    @Test
    void numbersAreGapFreeAndInOrderWhileManyWriteAtOnceAndEachSeesItsOwn() throws Exception {
        List<Broadcaster> people = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            people.add(Broadcaster.fresh());
        }
        Broadcaster admin = Broadcaster.admin();
        long before = lastSequence(admin.token());
        ExecutorService pool = Executors.newFixedThreadPool(people.size());
        List<Future<String>> opened = new ArrayList<>();
        try {
            for (Broadcaster person : people) {
                opened.add(pool.submit(() -> {
                    String id = person.open(api, "Concurrent").getString("id");
                    for (int edit = 0; edit < 3; edit++) {
                        Api.Reply edited = api.patch("/api/channels/" + id, person.token(), "{\"description\":\"edit " + edit + "\"}");
                        assertEquals(200, edited.status(), edited::toString);
                    }
                    Api.Reply ended = api.post("/api/channels/" + id + "/end", person.token(), null);
                    assertEquals(200, ended.status(), ended::toString);
                    return id;
                }));
            }
            Set<String> channels = new HashSet<>();
            for (Future<String> f : opened) {
                channels.add(f.get());
            }
            int expected = people.size() * 5; // created, 3 updated, ended
            List<JsonObject> all = Eventually.await(() -> mine(admin.token(), before, channels), e -> e.size() >= expected, NUMBERED_WITHIN);
            assertEquals(expected, all.size(), all::toString);
            List<JsonObject> everything = events(api.get("/api/events?after=" + before + "&limit=1000", admin.token()));
            for (int i = 0; i < everything.size(); i++) {
                assertEquals(before + 1 + i, everything.get(i).getJsonNumber("sequence").longValue(), "gap-free from " + before);
            }
            Set<String> ids = new HashSet<>();
            everything.forEach(e -> assertTrue(ids.add(e.getString("id")), "each event once"));
            for (Broadcaster person : people) {
                List<JsonObject> own = events(api.get("/api/events?after=" + before, person.token()));
                assertEquals(5, own.size(), own::toString);
                assertEquals(List.of("channel.created", "channel.updated", "channel.updated", "channel.updated", "channel.ended"), types(own));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private List<JsonObject> mine(String adminToken, long after, Set<String> channels) {
        return events(api.get("/api/events?after=" + after + "&limit=1000", adminToken)).stream()
                .filter(e -> channels.contains(e.getString("channelId", ""))).toList();
    }

    private long lastSequence(String adminToken) {
        long after = 0;
        while (true) {
            Api.Reply page = api.get("/api/events?after=" + after + "&limit=1000", adminToken);
            long next = page.json().getJsonNumber("next").longValue();
            if (next == after) {
                return after;
            }
            after = next;
        }
    }

    @Test
    void readsAreCheckedAndClientsNeedEventsRead() {
        Broadcaster bj = Broadcaster.fresh();
        for (String query : List.of("after=-1", "after=x", "limit=0", "limit=1001", "types=stream.exploded", "channel=nope",
                "after=99999999999999999999")) {
            Api.Reply bad = api.get("/api/events?" + query, bj.token());
            assertEquals(400, bad.status(), () -> query + " -> " + bad);
        }
        assertEquals(401, api.get("/api/events", null).status());
        Api.Reply refused = api.get("/api/events", bj.client(api, "channels:read").token());
        assertEquals(403, refused.status(), refused::toString);
        assertEquals("insufficient-scope", refused.problemType());
    }

    @Test
    void theStreamPushesWhatTheFeedHoldsAndContinuesAfterLastEventId() throws Exception {
        Broadcaster bj = Broadcaster.fresh();
        Broadcaster other = Broadcaster.fresh();
        URI created = OnAirServer.get().http("/api/events/stream?types=channel.created,channel.updated&after=" + lastSequence(Broadcaster.admin().token()));
        String channelId;
        EventStreamReader.Event second;
        try (EventStreamReader mine = EventStreamReader.open(created, bj.token(), null);
             EventStreamReader theirs = EventStreamReader.open(created, other.token(), null)) {
            assertEquals(200, mine.status());
            assertTrue(mine.contentType().startsWith("text/event-stream"), mine.contentType());
            channelId = bj.open(api, "Streamed").getString("id");
            assertEquals(200, api.patch("/api/channels/" + channelId, bj.token(), "{\"title\":\"Streamed, renamed\"}").status());
            List<EventStreamReader.Event> got = mine.next(2, NUMBERED_WITHIN);
            assertEquals(List.of("channel.created", "channel.updated"), got.stream().map(EventStreamReader.Event::type).toList());
            List<JsonObject> feed = awaitEvents(bj.token(), channelId, 2);
            for (int i = 0; i < 2; i++) {
                JsonObject data = Json.createReader(new StringReader(got.get(i).data())).readObject();
                assertEquals(feed.get(i), data, "the stream sends the feed's own events");
                assertEquals(String.valueOf(feed.get(i).getJsonNumber("sequence").longValue()), got.get(i).id());
            }
            second = got.get(1);
            // the other broadcaster's stream skipped bj's events: its first is its own
            String theirChannel = other.open(api, "Theirs").getString("id");
            EventStreamReader.Event first = theirs.next(1, NUMBERED_WITHIN).get(0);
            assertEquals(theirChannel, Json.createReader(new StringReader(first.data())).readObject().getString("channelId"));
        }
        // a reader that reconnects with the last id it got continues after it, whatever after says
        assertEquals(200, api.post("/api/channels/" + channelId + "/end", bj.token(), null).status());
        try (EventStreamReader again = EventStreamReader.open(OnAirServer.get().http("/api/events/stream?after=0&channel=" + channelId),
                bj.token(), second.id())) {
            assertEquals(200, again.status());
            EventStreamReader.Event next = again.next(1, NUMBERED_WITHIN).get(0);
            assertEquals("channel.ended", next.type());
            assertTrue(Long.parseLong(next.id()) > Long.parseLong(second.id()));
            assertEquals(null, again.poll(Duration.ofSeconds(1)), "nothing before Last-Event-ID comes again");
        }
    }

    @Test
    void streamsAreCheckedLimitedAndEndWhenTheirClientIsRevoked() throws Exception {
        Broadcaster bj = Broadcaster.fresh();
        for (String query : List.of("after=-1", "after=x", "types=stream.exploded", "channel=nope")) {
            try (EventStreamReader bad = EventStreamReader.open(OnAirServer.get().http("/api/events/stream?" + query), bj.token(), null)) {
                assertEquals(400, bad.status(), query);
                assertTrue(bad.refusal().contains("invalid-request"), query);
            }
        }
        try (EventStreamReader bad = EventStreamReader.open(OnAirServer.get().http("/api/events/stream"), bj.token(), "yesterday")) {
            assertEquals(400, bad.status());
            assertTrue(bad.refusal().contains("Last-Event-ID"));
        }
        // five streams per account at most
        List<EventStreamReader> open = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                open.add(EventStreamReader.open(OnAirServer.get().http("/api/events/stream"), bj.token(), null));
                assertEquals(200, open.get(i).status());
            }
            try (EventStreamReader sixth = EventStreamReader.open(OnAirServer.get().http("/api/events/stream"), bj.token(), null)) {
                assertEquals(429, sixth.status());
                assertTrue(sixth.refusal().contains("too-many-streams"));
            }
        } finally {
            open.forEach(EventStreamReader::close);
        }
        // an API client's stream ends once the client is revoked
        Broadcaster owner = Broadcaster.fresh();
        Broadcaster.Client client = owner.client(api, "events:read");
        try (EventStreamReader listening = EventStreamReader.open(OnAirServer.get().http("/api/events/stream"), client.token(), null)) {
            assertEquals(200, listening.status());
            assertFalse(listening.endsWithin(Duration.ofSeconds(1)));
            assertEquals(200, api.send("DELETE", "/api/me/clients/" + client.id(), owner.token(), null, null).status());
            assertTrue(listening.endsWithin(Duration.ofSeconds(20)), "the stream of a revoked client ends within seconds");
        }
    }
}
