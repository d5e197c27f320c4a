package dev.onair.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Channels as viewers, owners, other broadcasters and admins see them. */
class ChannelsIT {

    private final Api api = new Api();

    @Test
    void anyoneMayReadAChannelAndAnUnknownOneIs404() {
        Broadcaster bj = Broadcaster.fresh();
        String id = bj.open(api, "public view").getString("id");
        Api.Reply anonymous = api.get("/api/channels/" + id, null);
        assertEquals(200, anonymous.status());
        JsonObject channel = anonymous.json();
        assertEquals("public view", channel.getString("title"));
        assertTrue(channel.getJsonObject("broadcaster").getString("displayName").startsWith("방송인"),
                "the broadcaster shows with the nickname from Kakao");
        assertEquals(200, api.get("/api/channels/" + id, Broadcaster.fresh().token()).status());

        Api.Reply unknown = api.get("/api/channels/00000000-0000-0000-0000-000000000000", null);
        assertEquals(404, unknown.status());
        assertEquals("not-found", unknown.problemType());
        assertEquals(404, api.get("/api/channels/not-a-channel-id", null).status());
    }

    @Test
    void onlyTheOwnerMayEdit() {
        Broadcaster owner = Broadcaster.fresh();
        String id = owner.open(api, "before").getString("id");
        String edit = Json.createObjectBuilder().add("title", "after").add("visibility", "PRIVATE").build().toString();

        Api.Reply anonymous = api.patch("/api/channels/" + id, null, edit);
        assertEquals(401, anonymous.status());
        assertEquals("unauthorized", anonymous.problemType());
        assertTrue(anonymous.header("WWW-Authenticate").orElse("").startsWith("Bearer"));

        Api.Reply stranger = api.patch("/api/channels/" + id, Broadcaster.fresh().token(), edit);
        assertEquals(403, stranger.status());
        assertEquals("forbidden", stranger.problemType());
        assertEquals("before", api.get("/api/channels/" + id, null).json().getString("title"));

        Api.Reply admin = api.patch("/api/channels/" + id, Broadcaster.admin().token(), edit);
        assertEquals(403, admin.status(), "an admin ends channels but does not write other people's titles");

        Api.Reply mine = api.patch("/api/channels/" + id, owner.token(), edit);
        assertEquals(200, mine.status(), mine::toString);
        assertEquals("after", mine.json().getString("title"));
        assertEquals("PRIVATE", mine.json().getString("visibility"));

        Api.Reply description = api.send("PATCH", "/api/channels/" + id, owner.token(),
                "{\"description\":\"설명입니다\"}", "application/merge-patch+json");
        assertEquals(200, description.status(), description::toString);
        assertEquals("after", description.json().getString("title"));
        assertEquals("설명입니다", description.json().getString("description"));
        assertEquals("", api.patch("/api/channels/" + id, owner.token(), "{\"description\":null}").json().getString("description"));

        assertEquals(404, api.patch("/api/channels/00000000-0000-0000-0000-000000000000", owner.token(), edit).status());
    }

    @Test
    void aPrivateChannelDoesNotExistForStrangersAndIsNotManagedByItsViewers() {
        Broadcaster owner = Broadcaster.fresh();
        Broadcaster allowed = Broadcaster.fresh();
        Broadcaster stranger = Broadcaster.fresh();
        String channel = "/api/channels/" + owner.open(api, "비공개 관리", "PRIVATE").getString("id");
        assertEquals(200, api.post(channel + "/viewers", owner.token(), "{\"accountId\":\"" + allowed.id() + "\"}").status());
        String edit = "{\"title\":\"taken over\"}";
        String[][] calls = {{"GET", "/events"}, {"GET", "/health"}, {"PATCH", ""}, {"POST", "/end"}, {"GET", "/viewers"},
                {"GET", "/share-link"}, {"POST", "/share-link"}, {"DELETE", "/share-link"}, {"DELETE", "/viewers/" + owner.id()}};
        for (String[] call : calls) {
            String body = call[0].equals("PATCH") ? edit : null;
            String type = body == null ? null : "application/json";
            Api.Reply hidden = api.send(call[0], channel + call[1], stranger.token(), body, type);
            assertEquals(404, hidden.status(), "a stranger: " + call[0] + " " + call[1] + " " + hidden);
            assertEquals("not-found", hidden.problemType());
            Api.Reply viewer = api.send(call[0], channel + call[1], allowed.token(), body, type);
            assertEquals(403, viewer.status(), "an allowed viewer sees it but does not manage it: " + call[0] + " " + call[1] + " " + viewer);
        }
        assertEquals(200, api.get(channel, allowed.token()).status());
        assertEquals(200, api.get(channel + "/events", Broadcaster.admin().token()).status(), "admins see every channel");
        assertEquals("비공개 관리", api.get(channel, owner.token()).json().getString("title"), "nothing was changed");
        Api.Reply notAnAccount = api.post(channel + "/viewers", owner.token(), "{\"accountId\":\"00000000-0000-4000-8000-000000000000\"}");
        assertEquals(400, notAnAccount.status());
        assertEquals("accountId", notAnAccount.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(400, api.post(channel + "/viewers", owner.token(), "{}").status());
    }

    @Test
    void concurrentEditsEachSucceedOrAskForARetryAndNoneIsLost() throws Exception {
        Broadcaster owner = Broadcaster.fresh();
        String id = owner.open(api, "edit race").getString("id");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        try {
            List<java.util.concurrent.Callable<Api.Reply>> edits = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String title = "title " + i;
                edits.add(() -> api.patch("/api/channels/" + id, owner.token(),
                        Json.createObjectBuilder().add("title", title).build().toString()));
            }
            List<String> applied = new java.util.ArrayList<>();
            for (var future : pool.invokeAll(edits)) {
                Api.Reply reply = future.get();
                assertTrue(reply.status() == 200 || reply.status() == 409, reply::toString);
                if (reply.status() == 409) {
                    assertEquals("concurrent-update", reply.problemType());
                } else {
                    applied.add(reply.json().getString("title"));
                }
            }
            assertTrue(!applied.isEmpty());
            assertTrue(applied.contains(api.get("/api/channels/" + id, null).json().getString("title")));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theOwnerOrAnAdminMayEndAndEndedIsFinal() {
        Broadcaster owner = Broadcaster.fresh();
        String id = owner.open(api, "to end").getString("id");

        assertEquals(401, api.post("/api/channels/" + id + "/end", null, null).status());
        Api.Reply stranger = api.post("/api/channels/" + id + "/end", Broadcaster.fresh().token(), null);
        assertEquals(403, stranger.status());
        assertEquals("CREATED", api.get("/api/channels/" + id, null).json().getString("state"));

        Api.Reply ended = api.post("/api/channels/" + id + "/end", owner.token(), null);
        assertEquals(200, ended.status(), ended::toString);
        assertEquals("ENDED", ended.json().getString("state"));
        assertTrue(ended.json().containsKey("endedAt"));

        Api.Reply again = api.post("/api/channels/" + id + "/end", owner.token(), null);
        assertEquals(409, again.status());
        assertEquals("illegal-transition", again.problemType());
        assertEquals("ENDED", again.json().getString("state"));

        Broadcaster other = Broadcaster.fresh();
        String theirs = other.open(api, "admin ends this").getString("id");
        Api.Reply byAdmin = api.post("/api/channels/" + theirs + "/end", Broadcaster.admin().token(), null);
        assertEquals(200, byAdmin.status(), byAdmin::toString);
        assertEquals(404, api.post("/api/channels/00000000-0000-0000-0000-000000000000/end", owner.token(), null).status());
    }

    @Test
    void endedChannelsAreListedNewestFirstWithPaging() {
        Broadcaster bj = Broadcaster.fresh();
        String first = bj.open(api, "ended first").getString("id");
        api.post("/api/channels/" + first + "/end", bj.token(), null);
        String second = bj.open(api, "ended second").getString("id");
        api.post("/api/channels/" + second + "/end", bj.token(), null);

        JsonObject page = api.get("/api/channels?state=ENDED&page=0&size=2", null).json();
        assertEquals(2, page.getInt("size"));
        assertTrue(page.getJsonNumber("total").longValue() >= 2);
        List<String> ids = page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(c -> c.getString("id")).toList();
        assertEquals(List.of(second, first), ids);
        JsonObject next = api.get("/api/channels?state=ENDED&page=1&size=1", null).json();
        assertEquals(first, next.getJsonArray("items").getJsonObject(0).getString("id"));

        JsonObject live = api.get("/api/channels?state=LIVE", null).json();
        live.getJsonArray("items").getValuesAs(JsonObject.class)
                .forEach(c -> assertTrue(c.getBoolean("live"), "only channels on air are listed as LIVE"));
        assertTrue(live.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .noneMatch(c -> c.getString("id").equals(first)));
    }

    @Test
    void badListParametersAreNamed() {
        for (String query : List.of("state=CREATED", "state=x'%20OR%201=1--", "page=-1", "page=abc", "size=0", "size=101", "size=1.5")) {
            Api.Reply reply = api.get("/api/channels?" + query, null);
            assertEquals(400, reply.status(), query + ": " + reply);
            assertEquals("invalid-request", reply.problemType());
            String field = query.substring(0, query.indexOf('='));
            assertEquals(field, reply.json().getJsonArray("errors").getJsonObject(0).getString("field"), query);
        }
    }
}
