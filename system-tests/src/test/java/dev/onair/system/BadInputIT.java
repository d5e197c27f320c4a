package dev.onair.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input is answered 400 naming the field, and nothing is stored. */
class BadInputIT {

    private final Api api = new Api();

    static Stream<Arguments> badNewChannels() {
        return Stream.of(
                Arguments.of("empty body", "", "body", "malformed-body"),
                Arguments.of("malformed JSON", "{\"title\": \"x\", ", "body", "malformed-body"),
                Arguments.of("trailing content", "{\"title\":\"t\",\"visibility\":\"PUBLIC\"} {}", "body", "malformed-body"),
                Arguments.of("not an object", "[\"title\"]", "body", "malformed-body"),
                Arguments.of("a bare string", "\"title\"", "body", "malformed-body"),
                Arguments.of("no title", "{\"visibility\":\"PUBLIC\"}", "title", "invalid-request"),
                Arguments.of("empty title", "{\"title\":\"\",\"visibility\":\"PUBLIC\"}", "title", "invalid-request"),
                Arguments.of("blank title", "{\"title\":\"   \",\"visibility\":\"PUBLIC\"}", "title", "invalid-request"),
                Arguments.of("title of 101", "{\"title\":\"" + "가".repeat(101) + "\",\"visibility\":\"PUBLIC\"}", "title", "invalid-request"),
                Arguments.of("title with a control character", "{\"title\":\"a\\u0000b\",\"visibility\":\"PUBLIC\"}", "title", "invalid-request"),
                Arguments.of("title as a number", "{\"title\":5,\"visibility\":\"PUBLIC\"}", "title", "invalid-request"),
                Arguments.of("title as an object", "{\"title\":{\"a\":1},\"visibility\":\"PUBLIC\"}", "title", "invalid-request"),
                Arguments.of("description of 2001", "{\"title\":\"t\",\"description\":\"" + "x".repeat(2001) + "\",\"visibility\":\"PUBLIC\"}", "description", "invalid-request"),
                Arguments.of("description as an array", "{\"title\":\"t\",\"description\":[],\"visibility\":\"PUBLIC\"}", "description", "invalid-request"),
                Arguments.of("no visibility", "{\"title\":\"t\"}", "visibility", "invalid-request"),
                Arguments.of("unknown visibility", "{\"title\":\"t\",\"visibility\":\"FRIENDS\"}", "visibility", "invalid-request"),
                Arguments.of("SQL in visibility", "{\"title\":\"t\",\"visibility\":\"PUBLIC'; DROP TABLE channel; --\"}", "visibility", "invalid-request"),
                Arguments.of("visibility as a boolean", "{\"title\":\"t\",\"visibility\":true}", "visibility", "invalid-request"),
                Arguments.of("unknown field", "{\"title\":\"t\",\"visibility\":\"PUBLIC\",\"state\":\"LIVE\"}", "state", "invalid-request"),
                Arguments.of("owner smuggled in", "{\"title\":\"t\",\"visibility\":\"PUBLIC\",\"ownerId\":\"x\"}", "ownerId", "invalid-request"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badNewChannels")
    void aBadNewChannelIs400AndStoresNothing(String name, String body, String field, String type) {
        Broadcaster bj = Broadcaster.fresh();
        Api.Reply reply = api.post("/api/studio/channels", bj.token(), body);
        assertEquals(400, reply.status(), reply::toString);
        assertEquals("application/problem+json", reply.contentType());
        assertEquals(type, reply.problemType());
        JsonObject problem = reply.json();
        assertEquals(400, problem.getInt("status"));
        assertTrue(problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> e.getString("field").equals(field)), reply::toString);
        assertEquals(404, api.get("/api/studio", bj.token()).status(), "nothing was stored");
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        Broadcaster bj = Broadcaster.fresh();
        Api.Reply reply = api.post("/api/studio/channels", bj.token(), "{\"title\":\"\",\"visibility\":\"nope\",\"extra\":1}");
        assertEquals(400, reply.status());
        var fields = reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream().map(e -> e.getString("field")).sorted().toList();
        assertEquals(java.util.List.of("extra", "title", "visibility"), fields);
    }

    @Test
    void aWrongContentTypeIs415AsAProblem() {
        Broadcaster bj = Broadcaster.fresh();
        Api.Reply reply = api.send("POST", "/api/studio/channels", bj.token(), "title=x", "application/x-www-form-urlencoded");
        assertEquals(415, reply.status(), reply::toString);
        assertEquals("unsupported-media-type", reply.problemType());
        assertEquals(404, api.get("/api/studio", bj.token()).status());
    }

    @Test
    void aBadEditChangesNothing() {
        Broadcaster bj = Broadcaster.fresh();
        String id = bj.open(api, "unchanged").getString("id");
        for (String body : new String[]{"", "{", "{}", "{\"title\":null}", "{\"title\":\"\"}", "{\"title\":\"" + "x".repeat(101) + "\"}",
                "{\"visibility\":\"SECRET\"}", "{\"visibility\":null}", "{\"title\":\"ok\",\"state\":\"ENDED\"}", "{\"title\":[1]}"}) {
            Api.Reply reply = api.patch("/api/channels/" + id, bj.token(), body);
            assertEquals(400, reply.status(), body + " -> " + reply);
        }
        JsonObject channel = api.get("/api/channels/" + id, null).json();
        assertEquals("unchanged", channel.getString("title"));
        assertEquals("PUBLIC", channel.getString("visibility"));
        assertEquals("CREATED", channel.getString("state"));
    }

    @Test
    void sqlLookingTitlesAreStoredAsPlainText() {
        Broadcaster bj = Broadcaster.fresh();
        String title = "x'); DELETE FROM channel; --";
        String id = bj.open(api, title).getString("id");
        assertEquals(title, api.get("/api/channels/" + id, null).json().getString("title"));
        assertEquals(200, api.get("/api/channels?state=ENDED", null).status());
        Api.Reply path = api.get("/api/channels/1'%20OR%20'1'='1", null);
        assertEquals(404, path.status());
    }

    @Test
    void anOversizedBodyIsRefusedWithoutBeingRead() {
        Broadcaster bj = Broadcaster.fresh();
        String huge = Json.createObjectBuilder().add("title", "t").add("visibility", "PUBLIC")
                .add("description", "x".repeat(200_000)).build().toString();
        Api.Reply reply = api.post("/api/studio/channels", bj.token(), huge);
        assertEquals(413, reply.status(), reply::toString);
        assertEquals("payload-too-large", reply.problemType());
        assertEquals(404, api.get("/api/studio", bj.token()).status());
    }
}
