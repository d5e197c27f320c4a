package dev.onair.system;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks every operation of the published OpenAPI document and sends, for each of its parameters
 * in turn, values out of range, of the wrong type and oversized, as an anonymous caller, a user and
 * an admin; and malformed bodies where an operation takes one. No answer may be a 5xx: bad input is
 * the caller's mistake, told as a 4xx.
 */
class OpenApiWalkIT {

    private static final String NO_SUCH_ID = "00000000-0000-4000-8000-000000000000";
    private static final List<String> BAD_VALUES = List.of("-1", "0", "2147483647", "2147483648", "-2147483649",
            "99999999999999999999", "1e309", "NaN", "0x1F", "abc", "", " ", "true", "[]", "{}", "null",
            "\u0000", "\u0001\u001f", "\uFFFE", "가🎉", "../../etc/passwd", "%2e%2e%2f", "<script>alert(1)</script>",
            "' OR '1'='1", "http://[::1", "javascript:alert(1)", "//evil.example/x", "\\\\evil", "2026-13-45T99:99:99Z",
            "x".repeat(5000), "9".repeat(400));
    private static final List<String> BAD_BODIES = List.of("", "{", "null", "[]", "\"text\"", "42", "{\"x\":1}",
            "{\"title\":" + "9".repeat(2000) + "}", "{\"accountId\":{}}", "{\"refreshToken\":[]}", "\u0000", "{\"a\":\"\\ud800\"}");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Api api = new Api();

    @Test
    void noParameterValueAndNoBodyMakesAnyOperationFail() throws Exception {
        JsonObject paths = api.get("/openapi?format=JSON", null).json().getJsonObject("paths");
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("anonymous", null);
        tokens.put("user", Broadcaster.fresh().token());
        tokens.put("admin", Broadcaster.admin().token());
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (String path : paths.keySet()) {
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.keySet()) {
                if (!METHODS.contains(method)) {
                    continue;
                }
                JsonObject operation = item.getJsonObject(method);
                List<JsonObject> parameters = parameters(item, operation);
                for (JsonObject parameter : parameters) {
                    for (String value : BAD_VALUES) {
                        for (var token : tokens.entrySet()) {
                            HttpResponse<String> response = send(method, path, parameters, parameter.getString("name"), value,
                                    token.getValue(), operation.containsKey("requestBody") ? "{}" : null);
                            requests++;
                            if (response.statusCode() >= 500) {
                                failures.add(method.toUpperCase() + " " + path + " " + parameter.getString("name") + "="
                                        + printable(value) + " as " + token.getKey() + " -> " + response.statusCode() + " " + response.body());
                            }
                        }
                    }
                }
                if (operation.containsKey("requestBody")) {
                    for (String body : BAD_BODIES) {
                        for (var token : tokens.entrySet()) {
                            HttpResponse<String> response = send(method, path, parameters, null, null, token.getValue(), body);
                            requests++;
                            if (response.statusCode() >= 500) {
                                failures.add(method.toUpperCase() + " " + path + " body " + printable(body) + " as " + token.getKey()
                                        + " -> " + response.statusCode() + " " + response.body());
                            }
                        }
                    }
                }
            }
        }
        assertTrue(requests > 1000, "the walk covered the document: " + requests + " requests");
        assertTrue(failures.isEmpty(), failures.size() + " requests failed with a 5xx:\n" + String.join("\n", failures));
    }

    private static List<JsonObject> parameters(JsonObject item, JsonObject operation) {
        List<JsonObject> parameters = new ArrayList<>();
        for (JsonObject holder : List.of(item, operation)) {
            if (holder.get("parameters") instanceof JsonArray array) {
                for (JsonValue value : array) {
                    parameters.add(value.asJsonObject());
                }
            }
        }
        return parameters;
    }

    /** The operation with {@code name} set to {@code value} and every other parameter at a plausible value. */
    private HttpResponse<String> send(String method, String template, List<JsonObject> parameters, String name, String value,
                                      String token, String body) throws IOException, InterruptedException {
        String path = template;
        StringBuilder query = new StringBuilder();
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonObject parameter : parameters) {
            String parameterName = parameter.getString("name");
            String in = parameter.getString("in");
            boolean chosen = parameterName.equals(name);
            String v = chosen ? value : plausible(parameterName);
            if (v == null) {
                continue;
            }
            switch (in) {
                case "path" -> path = path.replace("{" + parameterName + "}", URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"));
                case "query" -> query.append(query.length() == 0 ? "?" : "&").append(URLEncoder.encode(parameterName, StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
                case "header" -> {
                    if (v.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                        headers.put(parameterName, v);
                    }
                }
                case "cookie" -> {
                    if (v.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ';' && c != ',')) {
                        headers.merge("Cookie", parameterName + "=" + v, (a, b) -> a + "; " + b);
                    }
                }
                default -> { }
            }
        }
        URI uri = OnAirServer.get().http(path + query);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method.toUpperCase(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A value a parameter could well have, so that the one under attack is the only odd one. */
    private static String plausible(String name) {
        return switch (name) {
            case "id", "accountId", "deliveryId" -> NO_SUCH_ID;
            case "provider" -> "kakao";
            default -> null;
        };
    }

    private static String printable(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "…(" + value.length() + ")" : value;
        StringBuilder out = new StringBuilder();
        shown.codePoints().forEach(c -> out.append(c < 0x20 ? String.format("\\u%04x", c) : new String(Character.toChars(c))));
        return out.toString();
    }
}
