package dev.onair.system;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What operators and integrators rely on: health, the OpenAPI document and its UI, HTTPS. */
class OperationsIT {

    private final Api api = new Api();

    @Test
    void healthReportsTheDatabase() {
        Api.Reply ready = api.get("/health/ready", null);
        assertEquals(200, ready.status(), ready::toString);
        assertEquals("UP", ready.json().getString("status"));
        JsonObject database = ready.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("database")).findFirst().orElseThrow();
        assertEquals("UP", database.getString("status"));
        String product = database.getJsonObject("data").getString("product");
        assertTrue(product.toLowerCase().contains(OnAirServer.get().database().equals("postgresql") ? "postgres" : "derby"), product);
        assertEquals(200, api.get("/health/live", null).status());
        Api.Reply started = api.get("/health/started", null);
        assertEquals(200, started.status());
        assertTrue(started.body().contains("\"schema\""));
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() {
        Api.Reply document = api.send("GET", "/openapi?format=JSON", null, null, null);
        assertEquals(200, document.status());
        JsonObject openapi = document.json();
        JsonObject paths = openapi.getJsonObject("paths");
        for (String path : new String[]{"/api/studio", "/api/studio/channels", "/api/studio/stream-key",
                "/api/studio/stream-key/rotation", "/api/channels", "/api/channels/{id}", "/api/channels/{id}/end"}) {
            assertTrue(paths.containsKey(path), path + " is documented");
        }
        JsonObject schemes = openapi.getJsonObject("components").getJsonObject("securitySchemes");
        assertEquals("bearer", schemes.getJsonObject("bearer").getString("scheme"));
        assertTrue(openapi.getJsonObject("components").getJsonObject("schemas").containsKey("Problem"));
        JsonObject open = paths.getJsonObject("/api/studio/channels").getJsonObject("post");
        assertTrue(open.getJsonObject("responses").containsKey("409"));
        assertTrue(open.getJsonObject("responses").containsKey("401"));
        assertTrue(open.containsKey("security"));
        assertEquals(200, api.get("/openapi/ui/", null).status());
    }

    @Test
    void httpsCarriesStrictTransportSecurityAndHttpDoesNot() throws Exception {
        SSLContext trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new TrustManager[]{new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] chain, String type) { }
            public void checkServerTrusted(X509Certificate[] chain, String type) { }
            public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        }}, new SecureRandom());
        HttpClient client = HttpClient.newBuilder().sslContext(trustAll).build();
        System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
        HttpResponse<String> secure = client.send(HttpRequest.newBuilder(OnAirServer.get().https("/api/channels")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, secure.statusCode());
        assertTrue(secure.headers().firstValue("Strict-Transport-Security").orElse("").startsWith("max-age="));
        Api.Reply plain = api.get("/api/channels", null);
        assertTrue(plain.header("Strict-Transport-Security").isEmpty());
    }
}
