package dev.onair.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Integrators' credentials: a broadcaster makes an API client, a program gets tokens for it by
 * OAuth 2.0 client credentials (HTTP Basic or form fields) and acts for the broadcaster within the
 * client's scopes; refusals come the way OAuth libraries read them; a revoked client stops within
 * seconds; only admins' clients may administer.
 */
class ApiClientsIT {

    private final Api api = new Api();

    private static String clientJson(String name, String... scopes) {
        return Json.createObjectBuilder().add("name", name).add("scopes", Json.createArrayBuilder(List.of(scopes))).build().toString();
    }

    private JsonObject create(Broadcaster owner, String name, String... scopes) {
        Api.Reply made = api.post("/api/me/clients", owner.token(), clientJson(name, scopes));
        assertEquals(201, made.status(), made::toString);
        return made.json();
    }

    /** POST /api/auth/token with {@code form}, authenticated with HTTP Basic when {@code basicId} is given. */
    private static Api.Reply token(String basicId, String basicSecret, String form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(OnAirServer.get().http("/api/auth/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (basicId != null) {
            String pair = URLEncoder.encode(basicId, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(basicSecret, StandardCharsets.UTF_8);
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return Api.exchange(request);
    }

    private static Api.Reply rawToken(String authorization, String form) {
        return Api.exchange(HttpRequest.newBuilder(OnAirServer.get().http("/api/auth/token")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static String accessToken(JsonObject client, String form) {
        Api.Reply reply = token(client.getString("id"), client.getString("secret"), form);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getString("access_token");
    }

    @Test
    void aClientActsForItsOwnerWithinItsScopes() {
        Broadcaster bj = Broadcaster.fresh();
        Api.Reply made = api.post("/api/me/clients", bj.token(), clientJson("Scheduler", "channels:read", "channels:write", "stream-key:read"));
        assertEquals(201, made.status(), made::toString);
        assertTrue(made.header("Cache-Control").orElse("").contains("no-store"));
        JsonObject client = made.json();
        String id = client.getString("id");
        assertTrue(made.header("Location").orElse("").endsWith("/api/me/clients/" + id), made.header("Location").toString());
        assertTrue(client.getString("secret").startsWith("onair_cs_"), "a recognisable prefix for secret scanners");
        assertEquals(List.of("channels:read", "channels:write", "stream-key:read"),
                client.getJsonArray("scopes").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());

        Api.Reply listed = api.get("/api/me/clients", bj.token());
        assertEquals(200, listed.status(), listed::toString);
        assertTrue(listed.body().contains(id), listed::toString);
        assertFalse(listed.body().contains(client.getString("secret")), "the secret is shown once");

        // client_secret_basic, all scopes
        Api.Reply basic = token(id, client.getString("secret"), "grant_type=client_credentials");
        assertEquals(200, basic.status(), basic::toString);
        assertTrue(basic.contentType().startsWith("application/json"), basic.contentType());
        assertTrue(basic.header("Cache-Control").orElse("").contains("no-store"));
        JsonObject issued = basic.json();
        assertEquals("Bearer", issued.getString("token_type"));
        assertEquals("channels:read channels:write stream-key:read", issued.getString("scope"));
        assertTrue(issued.getJsonNumber("expires_in").longValue() > 0);
        assertFalse(issued.containsKey("refresh_token"), "no refresh token for client credentials");
        String full = issued.getString("access_token");

        // client_secret_post, narrowed to one scope
        String readOnly = accessToken(client, "grant_type=client_credentials&scope=channels%3Aread&client_id=" + id);
        Api.Reply post = token(null, null, "grant_type=client_credentials&scope=channels%3Aread&client_id=" + id
                + "&client_secret=" + URLEncoder.encode(client.getString("secret"), StandardCharsets.UTF_8));
        assertEquals(200, post.status(), post::toString);
        assertEquals("channels:read", post.json().getString("scope"));

        // what it may do, for its owner
        assertEquals(bj.id(), api.get("/api/me", full).json().getString("id"));
        Api.Reply opened = api.post("/api/studio/channels", full, Broadcaster.channelJson("From a program", "PUBLIC"));
        assertEquals(201, opened.status(), opened::toString);
        String channelId = opened.json().getString("id");
        assertEquals(channelId, api.get("/api/studio", bj.token()).json().getString("id"), "the owner's channel");
        assertEquals(api.get("/api/studio/stream-key", bj.token()).json().getString("streamKey"),
                api.get("/api/studio/stream-key", full).json().getString("streamKey"));

        // and what it may not
        Api.Reply rotate = api.post("/api/studio/stream-key/rotation", full, null);
        assertEquals(403, rotate.status(), rotate::toString);
        assertEquals("insufficient-scope", rotate.problemType());
        String challenge = rotate.header("WWW-Authenticate").orElse("");
        assertTrue(challenge.contains("error=\"insufficient_scope\"") && challenge.contains("scope=\"stream-key:rotate\""), challenge);
        Api.Reply end = api.post("/api/channels/" + channelId + "/end", readOnly, null);
        assertEquals(403, end.status(), end::toString);
        assertEquals("insufficient-scope", end.problemType());
        assertEquals(200, api.get("/api/channels/" + channelId, readOnly).status());
        for (Api.Reply peopleOnly : List.of(api.get("/api/me/clients", full), api.post("/api/me/clients", full, clientJson("Child", "channels:read")),
                api.get("/api/me/logins", full), api.send("DELETE", "/api/me/clients/" + id, full, null, null))) {
            assertEquals(403, peopleOnly.status(), peopleOnly::toString);
            assertEquals("insufficient-scope", peopleOnly.problemType());
        }
        assertEquals(200, api.post("/api/channels/" + channelId + "/end", full, null).status());

        JsonObject seen = api.get("/api/me/clients/" + id, bj.token()).json();
        assertTrue(seen.containsKey("lastUsedAt") && !seen.isNull("lastUsedAt"), seen.toString());
        assertFalse(seen.containsKey("secret") && !seen.isNull("secret"), seen.toString());
    }

    @Test
    void refusalsComeTheWayOAuthLibrariesReadThem() {
        Broadcaster bj = Broadcaster.fresh();
        JsonObject client = create(bj, "Refused", "channels:read");
        String id = client.getString("id");
        String secret = client.getString("secret");

        for (Api.Reply wrong : List.of(token(id, secret + "x", "grant_type=client_credentials"),
                token("00000000-0000-4000-8000-000000000000", secret, "grant_type=client_credentials"),
                token("not-an-id", "s", "grant_type=client_credentials"),
                token(null, null, "grant_type=client_credentials"),
                rawToken("Basic !!!not base64", "grant_type=client_credentials"),
                rawToken("Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)), "grant_type=client_credentials"))) {
            assertEquals(401, wrong.status(), wrong::toString);
            assertTrue(wrong.contentType().startsWith("application/json"), wrong.contentType());
            assertEquals("invalid_client", wrong.json().getString("error"), wrong::toString);
            assertEquals("invalid-client", wrong.problemType());
            assertTrue(wrong.header("WWW-Authenticate").orElse("").startsWith("Basic"), wrong.header("WWW-Authenticate").toString());
        }
        Api.Reply password = token(id, secret, "grant_type=password&username=a&password=b");
        assertEquals(400, password.status(), password::toString);
        assertEquals("unsupported_grant_type", password.json().getString("error"));
        Api.Reply none = token(id, secret, "scope=channels%3Aread");
        assertEquals(400, none.status(), none::toString);
        assertEquals("invalid_request", none.json().getString("error"));
        Api.Reply beyond = token(id, secret, "grant_type=client_credentials&scope=channels%3Awrite");
        assertEquals(400, beyond.status(), beyond::toString);
        assertEquals("invalid_scope", beyond.json().getString("error"));
        Api.Reply both = token(id, secret, "grant_type=client_credentials&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8));
        assertEquals(400, both.status(), both::toString);
        assertEquals("invalid_request", both.json().getString("error"));
        Api.Reply json = Api.send(OnAirServer.get().http("/api/auth/token"), "POST", null, "{\"grant_type\":\"client_credentials\"}", "application/json");
        assertTrue(json.status() == 415 || json.status() == 400, json::toString);

        for (String body : List.of(clientJson(" ", "channels:read"), clientJson("x"), clientJson("x", "channels:everything"),
                "{\"name\":\"x\",\"scopes\":\"channels:read\"}", "{\"name\":\"x\",\"scopes\":[\"channels:read\"],\"secret\":\"mine\"}", "[]", "")) {
            Api.Reply invalid = api.post("/api/me/clients", bj.token(), body);
            assertEquals(400, invalid.status(), () -> body + " -> " + invalid);
            assertTrue(invalid.contentType().startsWith("application/problem+json"), invalid.contentType());
        }
        Api.Reply foreign = api.get("/api/me/clients/" + id, Broadcaster.fresh().token());
        assertEquals(404, foreign.status(), foreign::toString);
        assertEquals("unknown-client", foreign.problemType());
        assertEquals(404, api.get("/api/me/clients/not-an-id", bj.token()).status());
        Api.Reply traversal = api.get("/api/me/clients/..%2f..%2fadmin", bj.token());
        assertTrue(traversal.status() == 400 || traversal.status() == 404, traversal::toString);
    }

    @Test
    void aRevokedClientStopsWithinSecondsAndARotatedSecretReplacesTheOld() {
        Broadcaster bj = Broadcaster.fresh();
        JsonObject client = create(bj, "Short-lived", "channels:read");
        String id = client.getString("id");
        String oldSecret = client.getString("secret");

        Api.Reply rotated = api.post("/api/me/clients/" + id + "/rotation", bj.token(), null);
        assertEquals(200, rotated.status(), rotated::toString);
        String newSecret = rotated.json().getString("secret");
        assertNotEquals(oldSecret, newSecret);
        assertEquals(401, token(id, oldSecret, "grant_type=client_credentials").status(), "the old secret is gone");
        String live = accessToken(rotated.json(), "grant_type=client_credentials");
        assertEquals(200, api.get("/api/me", live).status());

        Api.Reply revoked = api.send("DELETE", "/api/me/clients/" + id, bj.token(), null, null);
        assertEquals(200, revoked.status(), revoked::toString);
        assertFalse(revoked.json().isNull("revokedAt"));
        Api.Reply refused = Eventually.await(() -> api.get("/api/me", live), reply -> reply.status() == 401, Duration.ofSeconds(15));
        assertEquals("client-revoked", refused.problemType());
        assertEquals(401, token(id, newSecret, "grant_type=client_credentials").status(), "no more tokens");
        assertEquals(409, api.post("/api/me/clients/" + id + "/rotation", bj.token(), null).status());
        assertEquals(200, api.send("DELETE", "/api/me/clients/" + id, bj.token(), null, null).status(), "revoking twice is fine");
    }

    @Test
    void theOpenApiDocumentNamesTheScopeOfEveryOperationAClientMayCall() {
        JsonObject document = api.get("/openapi?format=JSON", null).json();
        JsonObject scheme = document.getJsonObject("components").getJsonObject("securitySchemes").getJsonObject("clientCredentials");
        assertEquals("oauth2", scheme.getString("type"));
        JsonObject flow = scheme.getJsonObject("flows").getJsonObject("clientCredentials");
        assertEquals("/api/auth/token", flow.getString("tokenUrl"));
        assertEquals(7, flow.getJsonObject("scopes").size(), flow.toString());

        JsonObject paths = document.getJsonObject("paths");
        String rotation = paths.getJsonObject("/api/studio/stream-key/rotation").getJsonObject("post").getJsonArray("security").toString();
        assertTrue(rotation.contains("{\"clientCredentials\":[\"stream-key:rotate\"]}") && rotation.contains("{\"bearer\":[]}"), rotation);
        String publicList = paths.getJsonObject("/api/channels").getJsonObject("get").getJsonArray("security").toString();
        assertTrue(publicList.contains("{}") && publicList.contains("{\"clientCredentials\":[\"channels:read\"]}"),
                "anyone may list channels; a client needs channels:read: " + publicList);
        String peopleOnly = paths.getJsonObject("/api/me/clients").getJsonObject("post").getJsonArray("security").toString();
        assertFalse(peopleOnly.contains("clientCredentials"), peopleOnly);
        String admin = paths.getJsonObject("/api/admin/logins").getJsonObject("get").getJsonArray("security").toString();
        assertTrue(admin.contains("{\"clientCredentials\":[\"admin\"]}"), admin);
    }

    @Test
    void onlyAnAdminsClientWithTheAdminScopeAdministers() {
        Broadcaster bj = Broadcaster.fresh();
        Api.Reply notAllowed = api.post("/api/me/clients", bj.token(), clientJson("Sneaky", "admin"));
        assertEquals(403, notAllowed.status(), notAllowed::toString);
        assertEquals("scope-not-allowed", notAllowed.problemType());

        Broadcaster admin = Broadcaster.admin();
        String adminToken = accessToken(create(admin, "Audit", "admin", "channels:read"), "grant_type=client_credentials");
        assertEquals(200, api.get("/api/admin/logins", adminToken).status());

        String plain = accessToken(create(admin, "Ops", "channels:write"), "grant_type=client_credentials");
        Api.Reply logins = api.get("/api/admin/logins", plain);
        assertEquals(403, logins.status(), logins::toString);
        assertEquals("insufficient-scope", logins.problemType());
        String othersChannel = bj.open(api, "Not the admin's").getString("id");
        Api.Reply end = api.post("/api/channels/" + othersChannel + "/end", plain, null);
        assertTrue(end.status() == 403 || end.status() == 404, "an admin's client without admin is no admin: " + end);
        assertEquals(200, api.post("/api/channels/" + othersChannel + "/end", bj.token(), null).status());
    }
}
