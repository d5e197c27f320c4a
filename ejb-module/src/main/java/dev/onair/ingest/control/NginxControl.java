package dev.onair.ingest.control;

import dev.onair.ingest.entity.IngestMode;
import dev.onair.ingest.entity.PublishCall;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.xml.stream.XMLStreamException;

import static java.net.HttpURLConnection.HTTP_OK;

/**
 * OnAir's side of nginx-rtmp's loopback HTTP endpoint: {@code /stat} (what is publishing, with
 * what media) and {@code /control/drop} (end a publish now). Every call is bounded by a short
 * timeout; nginx answers both from memory in well under a millisecond.
 */
@ApplicationScoped
public class NginxControl {

    private static final Logger LOG = Logger.getLogger(NginxControl.class.getName());
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Inject
    IngestSettings settings;

    private HttpClient http;

    @PostConstruct
    void init() {
        http = HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** Whether there is an nginx to talk to on this node. */
    public boolean enabled() {
        return settings.mode() != IngestMode.NONE;
    }

    /** The current statistics of the {@code live} application. */
    public RtmpStat stat() throws IOException {
        HttpRequest request = HttpRequest.newBuilder(settings.controlUrl().resolve("/stat")).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != HTTP_OK) {
                    throw new IOException("nginx /stat answered " + response.statusCode());
                }
                return RtmpStat.parse(body, PublishCall.APPLICATION);
            }
        } catch (XMLStreamException e) {
            throw new IOException("nginx /stat sent unreadable XML: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading nginx /stat", e);
        }
    }

    /**
     * Ends the publish of client {@code clientId} on stream {@code name} (or whoever publishes on
     * it when {@code clientId} is null). Returns how many clients nginx dropped; 0 when nginx
     * cannot be reached (the publish then ends at its next {@code on_update}, which OnAir refuses).
     */
    public int drop(String name, String clientId) {
        if (!enabled()) {
            return 0;
        }
        String query = "app=" + PublishCall.APPLICATION + "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                + (clientId == null ? "" : "&clientid=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8));
        URI uri = settings.controlUrl().resolve((clientId == null ? "/control/drop/publisher?" : "/control/drop/client?") + query);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            int dropped = response.statusCode() == HTTP_OK ? parseCount(response.body()) : 0;
            LOG.log(Level.INFO, "Dropped {0} publisher(s) of stream {1}", new Object[] {dropped, name});
            return dropped;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not drop the publisher of stream {0}: {1}", new Object[] {name, e.toString()});
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static int parseCount(String body) {
        try {
            return Integer.parseInt(body.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
