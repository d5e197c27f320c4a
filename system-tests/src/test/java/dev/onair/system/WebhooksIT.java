package dev.onair.system;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Webhooks against real HTTP receivers on loopback (WebhookReceiver), each delivery verified with
 * the Standard Webhooks library: a broadcast's events arrive signed and in the feed's order; a
 * receiver that fails, stalls and recovers gets everything, in order, duplicates only with the same
 * webhook-id; one that stays down past the retry period leaves dead letters that can be sent again;
 * one that fails past the disable period is disabled and its owner told; receivers at private,
 * loopback or metadata addresses are refused, and a redirect is never followed. The test server
 * allows http and the receivers' own address (OnAirServer), with retries within seconds.
 */
class WebhooksIT {

    private static final Duration ARRIVES_WITHIN = Duration.ofSeconds(20);
    private static final List<String> LIFECYCLE = List.of("stream.started", "stream.interrupted", "stream.resumed", "stream.ended",
            "channel.ended", "replay.ready");

    private final Api api = new Api();

    private JsonObject subscribe(String token, String url, List<String> types, String channelId) {
        Api.Reply made = api.post("/api/webhooks", token, body(url, types, channelId));
        assertEquals(201, made.status(), made::toString);
        assertTrue(made.json().getString("secret").startsWith("whsec_"));
        return made.json();
    }

    private static String body(String url, List<String> types, String channelId) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        types.forEach(array::add);
        JsonObjectBuilder body = Json.createObjectBuilder().add("url", url).add("types", array);
        if (channelId != null) {
            body.add("channelId", channelId);
        }
        return body.build().toString();
    }

    private List<Long> feedSequences(String token, String channelId, List<String> types) {
        return api.get("/api/events?channel=" + channelId + "&types=" + String.join(",", types), token).json().getJsonArray("events")
                .getValuesAs(JsonObject.class).stream().map(e -> e.getJsonNumber("sequence").longValue()).toList();
    }

    private String editsOf(Broadcaster bj, int edits) {
        String channelId = bj.open(api, "Hooked").getString("id");
        for (int i = 0; i < edits; i++) {
            Api.Reply edited = api.patch("/api/channels/" + channelId, bj.token(), "{\"description\":\"edit " + i + "\"}");
            assertEquals(200, edited.status(), edited::toString);
        }
        return channelId;
    }

    @Test
    void aBroadcastsEventsArriveSignedAndInTheFeedsOrder() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Broadcast broadcast = Broadcast.open(api, "Hooked live");
            String token = broadcast.broadcaster().token();
            JsonObject hook = subscribe(token, receiver.url("/hooks"), LIFECYCLE, broadcast.channelId());
            receiver.secret(hook.getString("secret"));
            try (Publisher obs = broadcast.publish()) {
                assertEquals("LIVE", broadcast.awaitState("LIVE", Duration.ofSeconds(15)), obs::output);
                obs.stop();
                assertEquals("RECONNECTING", broadcast.awaitState("RECONNECTING", Duration.ofSeconds(10)));
            }
            try (Publisher again = broadcast.publish()) {
                assertEquals("LIVE", broadcast.awaitState("LIVE", Duration.ofSeconds(15)), again::output);
                assertEquals(200, broadcast.end().status());
            }
            List<WebhookReceiver.Received> got = Eventually.await(receiver::acknowledged, r -> r.size() >= LIFECYCLE.size(),
                    Duration.ofSeconds(60));
            assertEquals(LIFECYCLE, got.stream().map(WebhookReceiver.Received::type).toList());
            got.forEach(r -> assertTrue(r.verified(), "every delivery verifies with the Standard Webhooks library: " + r));
            assertEquals(feedSequences(token, broadcast.channelId(), LIFECYCLE), got.stream().map(WebhookReceiver.Received::sequence).toList(),
                    "exactly the sequence the feed shows");
            got.forEach(r -> assertEquals(r.event().getString("id"), r.webhookId()));
            List<JsonObject> rows = deliveries(token, hook.getString("id"));
            assertEquals(LIFECYCLE.size(), rows.size());
            rows.forEach(row -> assertEquals("DELIVERED", row.getString("state"), row::toString));
            assertFalse(api.get("/api/webhooks/" + hook.getString("id"), token).json().containsKey("secret"), "the secret is never shown again");
        }
    }

    @Test
    void aReceiverThatFailsStallsAndRecoversGetsEverythingInOrder() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Broadcaster bj = Broadcaster.fresh();
            // 500, 500, a stall past OnAir's timeout, then 2xx
            receiver.answers(n -> n <= 2 ? 500 : n == 3 ? WebhookReceiver.STALL : 204);
            JsonObject hook = subscribe(bj.token(), receiver.url("/flaky"), List.of("channel.created", "channel.updated"), null);
            receiver.secret(hook.getString("secret"));
            String channelId = editsOf(bj, 4);
            List<WebhookReceiver.Received> got = Eventually.await(receiver::acknowledged, r -> r.size() >= 5, ARRIVES_WITHIN);
            List<Long> feed = feedSequences(bj.token(), channelId, List.of("channel.created", "channel.updated"));
            assertEquals(feed, got.stream().map(WebhookReceiver.Received::sequence).toList(), "all, once each, in order");
            Map<String, String> bodies = new HashMap<>();
            for (WebhookReceiver.Received r : receiver.received()) {
                assertTrue(r.verified(), r::toString);
                String before = bodies.putIfAbsent(r.webhookId(), r.event().toString());
                assertTrue(before == null || before.equals(r.event().toString()), "a duplicate is the same event with the same webhook-id");
            }
            assertTrue(receiver.received().size() > got.size(), "the failures were retried");
            JsonObject first = deliveries(bj.token(), hook.getString("id")).get(0);
            List<JsonObject> attempts = first.getJsonArray("attempts").getValuesAs(JsonObject.class);
            assertEquals(List.of(500, 500), attempts.subList(0, 2).stream().map(a -> a.getInt("status")).toList(), first::toString);
            assertFalse(attempts.get(2).containsKey("status"), first::toString);
            assertTrue(attempts.get(2).getString("error").contains("timed out"), first::toString);
            assertEquals(204, attempts.get(3).getInt("status"));
        }
    }

    @Test
    void aReceiverDownPastTheRetryPeriodLeavesDeadLettersThatGoAgain() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Broadcaster bj = Broadcaster.fresh();
            receiver.answers(n -> 503);
            JsonObject hook = subscribe(bj.token(), receiver.url("/down"), List.of("channel.created", "channel.updated"), null);
            receiver.secret(hook.getString("secret"));
            String id = hook.getString("id");
            editsOf(bj, 2);
            List<JsonObject> dead = Eventually.await(() -> deliveries(bj.token(), id), d -> d.size() == 3
                    && d.stream().allMatch(row -> row.getString("state").equals("DEAD")), Duration.ofSeconds(30));
            assertTrue(dead.get(0).getJsonArray("attempts").size() >= 2, "tried until the retry period ended");
            assertEquals(404, api.post("/api/webhooks/" + id + "/deliveries/" + UUID.randomUUID() + "/redelivery", bj.token(), null)
                    .status(), "an unknown delivery is not found");
            receiver.answers(n -> 204);
            Api.Reply one = api.post("/api/webhooks/" + id + "/deliveries/" + dead.get(2).getString("id") + "/redelivery", bj.token(), null);
            assertEquals(200, one.status(), one::toString);
            assertEquals("PENDING", one.json().getString("state"));
            Api.Reply all = api.post("/api/webhooks/" + id + "/redelivery", bj.token(), null);
            assertEquals(200, all.status(), all::toString);
            assertEquals(2, all.json().getInt("redelivered"));
            List<WebhookReceiver.Received> got = Eventually.await(receiver::acknowledged, r -> r.size() >= 3, ARRIVES_WITHIN);
            assertEquals(dead.stream().map(d -> d.getJsonNumber("sequence").longValue()).sorted().toList(),
                    got.stream().map(WebhookReceiver.Received::sequence).toList(), "the dead letters, in the feed's order");
            Api.Reply again = api.post("/api/webhooks/" + id + "/deliveries/" + dead.get(2).getString("id") + "/redelivery", bj.token(), null);
            assertEquals(409, again.status(), "only a dead letter goes again");
            assertEquals("not-a-dead-letter", again.problemType());
        }
    }

    @Test
    void aReceiverFailingPastTheDisablePeriodIsDisabledAndItsOwnerTold() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Broadcaster bj = Broadcaster.fresh();
            receiver.answers(n -> 500);
            JsonObject hook = subscribe(bj.token(), receiver.url("/broken"), List.of("channel.updated"), null);
            String id = hook.getString("id");
            String channelId = bj.open(api, "Keeps failing").getString("id");
            // an event every few seconds keeps deliveries failing until the subscription is disabled (20 s here)
            JsonObject disabled = Eventually.await(() -> {
                api.patch("/api/channels/" + channelId, bj.token(), "{\"description\":\"" + System.nanoTime() + "\"}");
                return api.get("/api/webhooks/" + id, bj.token()).json();
            }, w -> !w.getBoolean("enabled"), Duration.ofSeconds(60));
            assertTrue(disabled.containsKey("disabledReason"));
            JsonObject told = Eventually.await(() -> api.get("/api/events?types=webhook.disabled", bj.token()).json().getJsonArray("events")
                    .getValuesAs(JsonObject.class), e -> !e.isEmpty(), ARRIVES_WITHIN).get(0);
            assertEquals(id, told.getJsonObject("data").getString("subscriptionId"));
            receiver.answers(n -> 204);
            receiver.secret(hook.getString("secret"));
            Api.Reply enabled = api.post("/api/webhooks/" + id + "/enable", bj.token(), null);
            assertEquals(200, enabled.status(), enabled::toString);
            assertTrue(enabled.json().getBoolean("enabled"));
            Eventually.await(receiver::acknowledged, r -> !r.isEmpty(), ARRIVES_WITHIN);
        }
    }

    @Test
    void deliveriesPendingWhenOnAirIsKilledArriveAfterItComesBack() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Broadcaster bj = Broadcaster.fresh();
            receiver.answers(n -> 503);
            JsonObject hook = subscribe(bj.token(), receiver.url("/crash"), List.of("channel.created", "channel.updated"), null);
            receiver.secret(hook.getString("secret"));
            String channelId = editsOf(bj, 3);
            // every delivery made, the channel's first tried and refused (the others wait behind it), none
            // acknowledged: then the server dies, well within the retry period
            Eventually.await(() -> deliveries(bj.token(), hook.getString("id")), d -> d.size() == 4
                    && d.stream().allMatch(row -> row.getString("state").equals("PENDING")) && !d.get(0).getJsonArray("attempts").isEmpty(),
                    ARRIVES_WITHIN);
            OnAirServer.killKeepingData(() -> receiver.answers(n -> 204));
            List<WebhookReceiver.Received> got = Eventually.await(receiver::acknowledged, r -> r.size() >= 4, Duration.ofSeconds(30));
            assertEquals(feedSequences(bj.token(), channelId, List.of("channel.created", "channel.updated")),
                    got.stream().map(WebhookReceiver.Received::sequence).toList(),
                    () -> "all of them, in order, after the crash: " + deliveries(bj.token(), hook.getString("id")));
            got.forEach(r -> assertTrue(r.verified(), r::toString));
        }
    }

    @Test
    void twoNodesOnOneDatabaseDeliverEachEventOnceAndInOrder() throws Exception {
        assumeTrue("postgresql".equals(OnAirServer.get().database()), "several nodes share PostgreSQL; embedded Derby is one node's");
        try (WebhookReceiver receiver = WebhookReceiver.start(); OnAirServer.Node second = OnAirServer.secondNode()) {
            receiver.delay(50); // slow enough that both nodes find deliveries due while others are under way
            Broadcaster bj = Broadcaster.fresh();
            List<String> types = List.of("channel.created", "channel.updated");
            JsonObject hook = subscribe(bj.token(), receiver.url("/cluster"), types, null);
            receiver.secret(hook.getString("secret"));
            // one channel changed through each node, so that both write, number and deliver (a channel is
            // changed through one node only: EclipseLink's shared cache keeps the other node's copy stale)
            List<String> channels = new ArrayList<>();
            for (OnAirServer node : List.of(OnAirServer.get(), second.server())) {
                Api.Reply opened = Api.send(node.http("/api/studio/channels"), "POST", bj.token(),
                        Broadcaster.channelJson("Two nodes", "PUBLIC"), "application/json");
                assertEquals(201, opened.status(), opened::toString);
                String channelId = opened.json().getString("id");
                channels.add(channelId);
                for (int i = 0; i < 8; i++) {
                    Api.Reply edited = Api.send(node.http("/api/channels/" + channelId), "PATCH", bj.token(),
                            "{\"description\":\"edit " + i + "\"}", "application/json");
                    assertEquals(200, edited.status(), edited::toString);
                }
                Api.Reply ended = Api.send(node.http("/api/channels/" + channelId + "/end"), "POST", bj.token(), null, null);
                assertEquals(200, ended.status(), ended::toString);
            }
            List<WebhookReceiver.Received> got = Eventually.await(receiver::acknowledged, r -> r.size() >= 18, ARRIVES_WITHIN);
            Map<String, Long> times = receiver.received().stream()
                    .collect(Collectors.groupingBy(WebhookReceiver.Received::webhookId, Collectors.counting()));
            assertEquals(18, times.size());
            times.forEach((id, count) -> assertEquals(1L, count, () -> id + " delivered " + count + " times"));
            for (String channelId : channels) {
                assertEquals(feedSequences(bj.token(), channelId, types), got.stream()
                        .filter(r -> channelId.equals(r.event().getString("channelId"))).map(WebhookReceiver.Received::sequence).toList(),
                        "a channel's events in the feed's order");
            }
            got.forEach(r -> assertTrue(r.verified(), r::toString));
        }
    }

    @Test
    void receiversAtPrivateAddressesAreRefusedAndRedirectsNotFollowed() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start(); WebhookReceiver target = WebhookReceiver.start()) {
            Broadcaster bj = Broadcaster.fresh();
            int port = Integer.parseInt(receiver.url("").replaceAll(".*:", ""));
            for (String url : List.of("http://127.0.0.1:" + port + "/", "http://10.1.2.3/hook", "http://169.254.169.254/latest/meta-data/",
                    "http://localhost:" + port + "/", "http://[::1]:" + port + "/", "http://[::ffff:127.0.0.1]:" + port + "/",
                    "http://192.168.0.10/", "http://0.0.0.0:" + port + "/", "ftp://" + WebhookReceiver.HOST + "/",
                    "http://user:pw@" + WebhookReceiver.HOST + ":" + port + "/", "not a url", "http://no-such-host.invalid/")) {
                Api.Reply refused = api.post("/api/webhooks", bj.token(), body(url, List.of(), null));
                assertEquals(400, refused.status(), () -> url + " -> " + refused);
                assertTrue(refused.body().contains("\"url\""), () -> url + " names the field: " + refused);
            }
            // a receiver that answers with a redirect to the metadata address: not followed, a failed try
            JsonObject hook = subscribe(bj.token(), receiver.url("/redirect"), List.of("channel.created"), null);
            bj.open(api, "Redirected");
            JsonObject delivery = Eventually.await(() -> deliveries(bj.token(), hook.getString("id")),
                    d -> !d.isEmpty() && !d.get(0).getJsonArray("attempts").isEmpty(), ARRIVES_WITHIN).get(0);
            JsonObject attempt = delivery.getJsonArray("attempts").getJsonObject(0);
            assertEquals(302, attempt.getInt("status"));
            assertTrue(attempt.getString("error").contains("redirect not followed"), attempt::toString);
            assertTrue(target.received().isEmpty());
            // scopes: a client without webhooks:write may not
            Api.Reply forbidden = api.post("/api/webhooks", bj.client(api, "events:read").token(), body(receiver.url("/"), List.of(), null));
            assertEquals(403, forbidden.status());
            assertEquals("insufficient-scope", forbidden.problemType());
        }
    }

    private List<JsonObject> deliveries(String token, String id) {
        Api.Reply reply = api.get("/api/webhooks/" + id + "/deliveries?limit=200", token);
        assertEquals(200, reply.status(), reply::toString);
        return Json.createReader(new StringReader(reply.body())).readArray().getValuesAs(JsonObject.class).stream()
                .sorted((a, b) -> Long.compare(a.getJsonNumber("sequence").longValue(), b.getJsonNumber("sequence").longValue())).toList();
    }
}
