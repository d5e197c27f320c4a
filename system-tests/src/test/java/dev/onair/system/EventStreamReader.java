package dev.onair.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Server-Sent Events reader written from the text/event-stream rules (the WHATWG HTML
 * standard's parsing of fields, comments and blank-line dispatch), as a reader no one here wrote
 * would read OnAir's stream: events in a queue, comments counted, the end of the stream noticed.
 */
final class EventStreamReader implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One dispatched event. */
    record Event(String id, String type, String data) {
    }

    private final HttpResponse<InputStream> response;
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Thread reading;
    private volatile int comments;

    private EventStreamReader(HttpResponse<InputStream> response) {
        this.response = response;
        this.reading = new Thread(this::read, "sse-reader");
        reading.setDaemon(true);
        if (response.statusCode() == 200) {
            reading.start();
        } else {
            ended.countDown();
        }
    }

    /** Opens {@code uri} with the bearer {@code token}, sending {@code lastEventId} when not null. */
    static EventStreamReader open(URI uri, String token, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token).GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new EventStreamReader(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int status() {
        return response.statusCode();
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The body of a refusal (not 200). */
    String refusal() throws IOException {
        return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
    }

    int comments() {
        return comments;
    }

    /** The next {@code count} events, each within {@code within}; fails if they do not come. */
    List<Event> next(int count, Duration within) throws InterruptedException {
        List<Event> got = new ArrayList<>();
        while (got.size() < count) {
            Event event = events.poll(within.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new AssertionError("after " + got + ", no event within " + within + (ended.getCount() == 0 ? " (the stream ended)" : ""));
            }
            got.add(event);
        }
        return got;
    }

    /** An event if one comes within {@code within}, else null. */
    Event poll(Duration within) throws InterruptedException {
        return events.poll(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the server ended the stream within {@code within}. */
    boolean endsWithin(Duration within) throws InterruptedException {
        return ended.await(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String type = null;
            StringBuilder data = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id, type == null ? "message" : type, data.toString()));
                    }
                    type = null;
                    data = null;
                    continue;
                }
                if (line.startsWith(":")) {
                    comments++;
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                switch (field) {
                    case "id" -> id = value;
                    case "event" -> type = value;
                    case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    default -> { }
                }
            }
        } catch (IOException e) {
            // closed by close() or by the server: either way the stream ended
        } finally {
            ended.countDown();
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // already closed
        }
        reading.interrupt();
    }
}
