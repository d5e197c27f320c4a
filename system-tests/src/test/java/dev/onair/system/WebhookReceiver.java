package dev.onair.system;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * A webhook receiver as an integrator would write one: a plain HTTP server on loopback that
 * verifies every request with the Standard Webhooks library and the subscription's secret, and
 * answers what the test tells it to (by the number of the request: 500, a stall past OnAir's
 * timeout, a redirect, 204). It records every request, verified or not.
 */
final class WebhookReceiver implements AutoCloseable {

    /** The address receivers listen on: the one private address the tests' OnAir may deliver to. */
    static final String HOST = "127.0.0.3";
    /** An answer that is no answer: the receiver stalls longer than OnAir waits. */
    static final int STALL = -1;
    private static final long STALL_MILLIS = 3000;

    /** One request as it came, and whether its signature verified. */
    record Received(String webhookId, String timestamp, String signature, String body, boolean verified, int answered) {

        JsonObject event() {
            return Json.createReader(new StringReader(body)).readObject().getJsonObject("data");
        }

        String type() {
            return event().getString("type");
        }

        long sequence() {
            return event().getJsonNumber("sequence").longValue();
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger count = new AtomicInteger();
    private volatile String secret;
    private volatile IntFunction<Integer> answers = n -> 204;
    private volatile long delayMillis;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(HOST, 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", receiver::handle);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url(String path) {
        return "http://" + HOST + ":" + server.getAddress().getPort() + path;
    }

    /** The subscription's secret, to verify with. */
    void secret(String secret) {
        this.secret = secret;
    }

    /** What to answer the n-th request (from 1): a status, or {@link #STALL}. */
    void answers(IntFunction<Integer> answers) {
        this.answers = answers;
    }

    /** Takes this long over every answer (a receiver that works slowly). */
    void delay(long millis) {
        this.delayMillis = millis;
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    /** The events acknowledged with a 2xx, in the order they came. */
    List<Received> acknowledged() {
        return received.stream().filter(r -> r.answered() / 100 == 2).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int n = count.incrementAndGet();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, List<String>> headers = exchange.getRequestHeaders().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toLowerCase(), Map.Entry::getValue));
        boolean verified;
        try {
            new Webhook(secret).verify(body, headers);
            verified = true;
        } catch (WebhookVerificationException | RuntimeException e) {
            verified = false;
        }
        int answer = exchange.getRequestURI().getPath().startsWith("/redirect") ? 302 : answers.apply(n);
        received.add(new Received(first(headers, "webhook-id"), first(headers, "webhook-timestamp"), first(headers, "webhook-signature"),
                body, verified, answer == STALL ? 0 : answer));
        try {
            Thread.sleep(delayMillis);
            if (answer == STALL) {
                Thread.sleep(STALL_MILLIS);
                answer = 204;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (answer == 302) {
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
        }
        exchange.sendResponseHeaders(answer, -1);
        exchange.close();
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
