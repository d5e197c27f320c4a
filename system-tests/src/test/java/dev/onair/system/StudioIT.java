package dev.onair.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The broadcaster's studio: one unfinished channel, returned to after a refresh or in a second tab. */
class StudioIT {

    private final Api api = new Api();

    @Test
    void aNewBroadcasterHasNoChannelUntilOpeningOne() {
        Broadcaster bj = Broadcaster.fresh();
        Api.Reply empty = api.get("/api/studio", bj.token());
        assertEquals(404, empty.status(), empty::toString);
        assertEquals("application/problem+json", empty.contentType());
        assertEquals("not-found", empty.problemType());

        String body = Json.createObjectBuilder().add("title", "오늘의 방송")
                .add("description", "첫 줄\n둘째 줄").add("visibility", "PRIVATE").build().toString();
        Api.Reply opened = api.post("/api/studio/channels", bj.token(), body);
        assertEquals(201, opened.status(), opened::toString);
        JsonObject channel = opened.json();
        assertEquals("CREATED", channel.getString("state"));
        assertEquals("PRIVATE", channel.getString("visibility"));
        assertEquals("첫 줄\n둘째 줄", channel.getString("description"));
        assertEquals(bj.id(), channel.getJsonObject("broadcaster").getString("id"));
        assertFalse(channel.getBoolean("live"));
        assertTrue(opened.header("Location").orElseThrow().endsWith("/api/channels/" + channel.getString("id")));

        Api.Reply entered = api.get("/api/studio", bj.token());
        assertEquals(200, entered.status(), entered::toString);
        assertEquals(channel.getString("id"), entered.json().getString("id"));
    }

    @Test
    void theStudioReturnsToTheUnfinishedChannelInsteadOfMakingAnother() {
        Broadcaster bj = Broadcaster.fresh();
        String id = bj.open(api, "first").getString("id");

        Api.Reply second = api.post("/api/studio/channels", bj.token(), Broadcaster.channelJson("second", "PUBLIC"));
        assertEquals(409, second.status(), second::toString);
        assertEquals("application/problem+json", second.contentType());
        assertEquals("open-channel-exists", second.problemType());
        assertEquals(id, second.json().getString("channelId"));

        // a "refresh" and a "second tab": the same channel each time
        for (int tab = 0; tab < 2; tab++) {
            assertEquals(id, api.get("/api/studio", bj.token()).json().getString("id"));
        }
    }

    @Test
    void afterEndingTheBroadcasterMayOpenTheNextChannel() {
        Broadcaster bj = Broadcaster.fresh();
        String first = bj.open(api, "first").getString("id");
        assertEquals(200, api.post("/api/channels/" + first + "/end", bj.token(), null).status());
        assertEquals(404, api.get("/api/studio", bj.token()).status());

        String next = bj.open(api, "next").getString("id");
        assertEquals(next, api.get("/api/studio", bj.token()).json().getString("id"));
        assertEquals("ENDED", api.get("/api/channels/" + first, null).json().getString("state"));
    }

    @Test
    void broadcastersDoNotSeeEachOthersStudio() {
        Broadcaster one = Broadcaster.fresh();
        Broadcaster other = Broadcaster.fresh();
        one.open(api, "mine");
        assertEquals(404, api.get("/api/studio", other.token()).status());
        assertEquals(201, api.post("/api/studio/channels", other.token(), Broadcaster.channelJson("theirs", "PUBLIC")).status());
    }

    @Test
    void aKoreanAndEmojiTitleRoundTripsUnchanged() {
        Broadcaster bj = Broadcaster.fresh();
        String title = "안녕하세요 👋🏽 방송 시작! 🎮🔥 — 한글 テスト 中文 ✓";
        String id = bj.open(api, title).getString("id");
        assertEquals(title, api.get("/api/channels/" + id, null).json().getString("title"));
        assertEquals(title, api.get("/api/studio", bj.token()).json().getString("title"));
        String hundred = "🎮".repeat(50) + "가".repeat(50);
        Api.Reply edited = api.patch("/api/channels/" + id, bj.token(),
                Json.createObjectBuilder().add("title", hundred).build().toString());
        assertEquals(200, edited.status(), edited::toString);
        assertEquals(hundred, api.get("/api/channels/" + id, null).json().getString("title"));
    }

    @Test
    void twentyConcurrentOpensMakeExactlyOneChannel() throws Exception {
        Broadcaster bj = Broadcaster.fresh();
        api.get("/api/studio", bj.token()); // the account exists before the race
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Api.Reply>> opens = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String title = "race " + i;
                opens.add(() -> api.post("/api/studio/channels", bj.token(), Broadcaster.channelJson(title, "PUBLIC")));
            }
            List<Api.Reply> replies = new ArrayList<>();
            for (Future<Api.Reply> future : pool.invokeAll(opens)) {
                replies.add(future.get());
            }
            List<Api.Reply> created = replies.stream().filter(r -> r.status() == 201).toList();
            List<Api.Reply> refused = replies.stream().filter(r -> r.status() == 409).toList();
            assertEquals(1, created.size(), replies::toString);
            assertEquals(19, refused.size(), replies::toString);
            String winner = created.get(0).json().getString("id");
            Set<String> named = new HashSet<>();
            refused.forEach(r -> named.add(r.json().getString("channelId")));
            assertEquals(Set.of(winner), named);
            assertEquals(winner, api.get("/api/studio", bj.token()).json().getString("id"));
        } finally {
            pool.shutdownNow();
        }
    }
}
