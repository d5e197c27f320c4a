package dev.onair.webhooks.control;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends one delivery: a POST of its JSON body with its headers, to the addresses
 * {@link OutboundGuard} allowed (the client's own DNS resolver is replaced by the guard's, so it
 * connects only to what was checked), following no redirect (a 3xx is a failed try), using no
 * proxy, retrying nothing itself, and cut off when the try takes longer than the timeout in all.
 * The receiver's body is never read: only its status counts.
 */
public final class WebhookSender implements AutoCloseable {

    /** What one try came to: the receiver's status (null when none came), how long it took, and what went wrong. */
    public record Result(Integer status, long latencyMillis, String error) {

        public boolean acknowledged() {
            return status != null && status / STATUS_CLASS == SUCCESS;
        }
    }

    private static final int NANOS_PER_MILLI = 1_000_000;
    /** HTTP status classes: the hundreds digit. */
    private static final int STATUS_CLASS = 100;
    private static final int SUCCESS = 2;
    private static final int REDIRECTION = 3;

    private final CloseableHttpClient client;
    private final ScheduledExecutorService scheduler;
    private final Duration timeout;

    public WebhookSender(OutboundGuard guard, Duration timeout, int connections, ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
        this.timeout = timeout;
        Timeout each = Timeout.of(timeout);
        DnsResolver checked = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                try {
                    return guard.resolve(host);
                } catch (OutboundGuard.Refused e) {
                    throw new UnknownHostException("the receiver's host " + e.getMessage());
                }
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(checked)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(each).setSocketTimeout(each).build())
                        .setMaxConnTotal(connections)
                        .setMaxConnPerRoute(connections)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(each).setConnectionRequestTimeout(each).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("OnAir-Webhooks/1.0")
                .build();
    }

    public Result send(URI url, Map<String, String> headers, String body) {
        HttpPost post = new HttpPost(url);
        headers.forEach(post::setHeader);
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        ScheduledFuture<?> deadline = scheduler.schedule(post::cancel, timeout.toMillis(), TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        try (ClassicHttpResponse response = client.executeOpen(null, post, null)) {
            int status = response.getCode();
            return new Result(status, since(start), status / STATUS_CLASS == SUCCESS ? null
                    : status / STATUS_CLASS == REDIRECTION ? "redirect not followed (" + status + ")" : "HTTP " + status);
        } catch (UnknownHostException e) {
            return new Result(null, since(start), e.getMessage());
        } catch (ConnectException e) {
            return new Result(null, since(start), "connection refused");
        } catch (InterruptedIOException e) {
            return new Result(null, since(start), "timed out after " + timeout.toMillis() + " ms");
        } catch (IOException | IllegalStateException e) {
            return new Result(null, since(start), post.isCancelled() ? "timed out after " + timeout.toMillis() + " ms"
                    : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } finally {
            deadline.cancel(false);
        }
    }

    private static long since(long start) {
        return (System.nanoTime() - start) / NANOS_PER_MILLI;
    }

    @Override
    public void close() {
        client.close(CloseMode.IMMEDIATE);
    }
}
