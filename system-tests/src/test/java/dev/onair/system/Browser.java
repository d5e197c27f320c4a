package dev.onair.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A browser as far as sign-in goes: it follows no redirect by itself (tests look at each one),
 * keeps cookies per name (ignoring Secure, as browsers do for http://localhost), sends them back
 * to OnAir, and has a User-Agent and optionally an X-Forwarded-For of its own.
 */
public final class Browser {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final Map<String, Cookie> cookies = new ConcurrentHashMap<>();
    private final String userAgent;
    private final String forwardedFor;

    /** A cookie as Set-Cookie gave it: value and attributes (lower-case names). */
    public record Cookie(String name, String value, Map<String, String> attributes) {
        public boolean has(String attribute) {
            return attributes.containsKey(attribute.toLowerCase());
        }

        public String attribute(String name) {
            return attributes.get(name.toLowerCase());
        }
    }

    public Browser() {
        this("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", null);
    }

    public Browser(String userAgent, String forwardedFor) {
        this.userAgent = userAgent;
        this.forwardedFor = forwardedFor;
    }

    public String userAgent() {
        return userAgent;
    }

    public Api.Reply get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET(), uri);
    }

    public Api.Reply get(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        headers.forEach(request::header);
        return send(request, uri);
    }

    public Api.Reply post(URI uri, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request, uri);
    }

    /** A POST without a body, with extra headers (Origin, Sec-Fetch-Site: what a page of some site would send). */
    public Api.Reply postWith(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return send(request, uri);
    }

    private Api.Reply send(HttpRequest.Builder request, URI uri) {
        request.timeout(Duration.ofSeconds(30)).header("User-Agent", userAgent);
        if (!request.build().headers().firstValue("Accept").isPresent()) {
            request.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        }
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        if (uri.getPort() == OnAirServer.get().http("/").getPort() && !cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies.values().stream()
                    .filter(c -> uri.getRawPath().startsWith(c.attributes().getOrDefault("path", "/")))
                    .map(c -> c.name() + "=" + c.value()).toList()));
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (uri.getPort() == OnAirServer.get().http("/").getPort()) {
                for (String header : response.headers().allValues("Set-Cookie")) {
                    keep(parse(header));
                }
            }
            return new Api.Reply(response.statusCode(), response, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void keep(Cookie cookie) {
        if ("0".equals(cookie.attribute("max-age")) || cookie.value().isEmpty()) {
            cookies.remove(cookie.name());
        } else {
            cookies.put(cookie.name(), cookie);
        }
    }

    public Optional<Cookie> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    static Cookie parse(String header) {
        String[] parts = header.split(";");
        String[] pair = parts[0].split("=", 2);
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String[] attribute = parts[i].trim().split("=", 2);
            attributes.put(attribute[0].trim().toLowerCase(), attribute.length == 2 ? attribute[1].trim() : "");
        }
        String value = pair.length == 2 ? pair[1].trim() : "";
        if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) {
            value = value.substring(1, value.length() - 1);
        }
        return new Cookie(pair[0].trim(), value, attributes);
    }

    /** The query parameters of an address (decoded; first value of each). */
    public static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                parameters.putIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return parameters;
    }

    public static URI location(Api.Reply reply) {
        return URI.create(reply.header("Location").orElseThrow(() -> new AssertionError("no Location: " + reply)));
    }

}
