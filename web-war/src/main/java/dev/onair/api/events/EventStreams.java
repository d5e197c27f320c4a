package dev.onair.api.events;

import dev.onair.accounts.boundary.Accounts;
import dev.onair.accounts.entity.Account;
import dev.onair.accounts.entity.Caller;
import dev.onair.api.WebConfig;
import dev.onair.feed.boundary.Feed;
import dev.onair.feed.entity.FeedEvent;
import dev.onair.signin.boundary.ApiClientStates;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open event streams of this node ({@code GET /api/events/stream}). One ticker asks the feed
 * for its last number every {@code onair.events.stream-poll} (one primary-key read, whatever the
 * number of streams, and only while some are open); a stream behind it reads what it may see after
 * its cursor through {@link Feed#after} (the same rules as {@code GET /api/events}) and sends it,
 * each stream on its own turn of the managed executor so that a slow reader holds up no other.
 * Idle streams get a comment every {@code onair.events.keepalive}, which is also how a stream whose
 * reader went away is noticed. A stream ends when its token expires (the reader reconnects with a
 * fresh one and {@code Last-Event-ID}), when its account is disabled or gone, or when its API client
 * is revoked: checked before every read, so within one poll or keepalive.
 */
@ApplicationScoped
public class EventStreams {

    private static final Logger LOG = Logger.getLogger(EventStreams.class.getName());

    /** Events one read of a stream takes at most; a stream further behind reads again at once. */
    static final int BATCH = 200;
    /** How long one event may take to be written to a reader before the stream is given up. */
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService executor;

    @EJB
    Feed feed;

    @EJB
    Accounts accounts;

    @Inject
    ApiClientStates clients;

    @Inject
    WebConfig settings;

    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private final Clock clock = Clock.systemUTC();
    private ScheduledFuture<?> ticker;

    /** Why a stream was not opened. */
    public enum Refusal { NODE_FULL, CALLER_FULL }

    /**
     * Opens a stream of what {@code caller} may see, after {@code cursor}, until {@code expires};
     * empty when it is open, else why not (this node's or this caller's limit).
     */
    public synchronized Optional<Refusal> open(Caller caller, Optional<String> clientId, List<String> types, String channelId,
                                               long cursor, Instant expires, SseEventSink sink, Sse sse) {
        if (streams.size() >= settings.maxStreams()) {
            return Optional.of(Refusal.NODE_FULL);
        }
        if (streams.stream().filter(s -> s.caller.accountId().equals(caller.accountId())).count() >= settings.maxStreamsPerCaller()) {
            return Optional.of(Refusal.CALLER_FULL);
        }
        if (ticker == null) {
            long every = settings.streamPoll().toMillis();
            ticker = scheduler.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
        }
        Stream stream = new Stream(caller, clientId, types, channelId, cursor, expires, sink, sse, clock.instant());
        streams.add(stream);
        turn(stream, feed.lastNumbered());
        return Optional.empty();
    }

    /** Streams open on this node. */
    public int open() {
        return streams.size();
    }

    @PreDestroy
    synchronized void stop() {
        if (ticker != null) {
            ticker.cancel(false);
        }
        streams.forEach(Stream::close);
        streams.clear();
    }

    private void tick() {
        if (streams.isEmpty()) {
            return;
        }
        try {
            long last = feed.lastNumbered();
            Instant now = clock.instant();
            Duration keepalive = settings.keepalive();
            for (Stream stream : streams) {
                if (stream.sink.isClosed() || !now.isBefore(stream.expires)) {
                    end(stream);
                } else if (stream.cursor < last || !now.isBefore(stream.lastSent.plus(keepalive))) {
                    turn(stream, last);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Event streams: reading the feed's last number failed; trying again in " + settings.streamPoll(), e);
        }
    }

    /** Gives {@code stream} a turn on the executor unless it has one already. */
    private void turn(Stream stream, long last) {
        if (!stream.busy.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    pump(stream, last);
                } finally {
                    stream.busy.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            stream.busy.set(false);
            end(stream);
        }
    }

    private void pump(Stream stream, long last) {
        try {
            Optional<Caller> caller = stillAllowed(stream);
            if (caller.isEmpty()) {
                end(stream);
                return;
            }
            boolean sent = false;
            if (!stream.greeted) {
                // the reader hears at once that it is connected (and a proxy passes the headers on)
                send(stream, stream.sse.newEventBuilder().comment("connected").build());
                stream.greeted = true;
            }
            while (stream.cursor < last) {
                List<FeedEvent> batch = feed.after(caller.get(), stream.cursor, stream.types, stream.channelId, BATCH);
                for (FeedEvent event : batch) {
                    send(stream, stream.sse.newEventBuilder().id(String.valueOf(event.sequence())).name(event.type())
                            .mediaType(MediaType.APPLICATION_JSON_TYPE).data(event.json().toString()).build());
                    stream.cursor = event.sequence();
                    sent = true;
                }
                if (batch.size() < BATCH) {
                    // nothing more this caller may see up to last: the cursor may skip ahead to it
                    stream.cursor = Math.max(stream.cursor, last);
                }
            }
            if (!sent && !clock.instant().isBefore(stream.lastSent.plus(settings.keepalive()))) {
                send(stream, stream.sse.newEventBuilder().comment("keepalive").build());
            }
        } catch (StreamGone | RuntimeException e) {
            LOG.log(Level.FINE, "Event stream ended", e);
            end(stream);
        }
    }

    /** The caller as it is now; empty once its account is disabled or gone, or its API client revoked. */
    private Optional<Caller> stillAllowed(Stream stream) {
        if (stream.clientId.isPresent() && !clients.active(stream.clientId.get())) {
            return Optional.empty();
        }
        Optional<Account> account = accounts.find(stream.caller.accountId());
        if (account.isEmpty() || account.get().disabled()) {
            return Optional.empty();
        }
        return Optional.of(new Caller(stream.caller.accountId(), stream.caller.admin() && account.get().isAdmin()));
    }

    private void send(Stream stream, OutboundSseEvent event) throws StreamGone {
        if (stream.sink.isClosed()) {
            throw new StreamGone(null);
        }
        try {
            stream.sink.send(event).toCompletableFuture().get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            stream.lastSent = clock.instant();
        } catch (ExecutionException | TimeoutException e) {
            throw new StreamGone(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamGone(e);
        }
    }

    private void end(Stream stream) {
        streams.remove(stream);
        stream.close();
    }

    /** The reader is gone or too slow. */
    private static final class StreamGone extends Exception {
        StreamGone(Throwable cause) {
            super(cause);
        }
    }

    private static final class Stream {
        final Caller caller;
        final Optional<String> clientId;
        final List<String> types;
        final String channelId;
        final Instant expires;
        final SseEventSink sink;
        final Sse sse;
        final AtomicBoolean busy = new AtomicBoolean();
        volatile long cursor;
        volatile Instant lastSent;
        volatile boolean greeted;

        Stream(Caller caller, Optional<String> clientId, List<String> types, String channelId, long cursor, Instant expires,
               SseEventSink sink, Sse sse, Instant now) {
            this.caller = caller;
            this.clientId = clientId;
            this.types = types;
            this.channelId = channelId;
            this.cursor = cursor;
            this.expires = expires;
            this.sink = sink;
            this.sse = sse;
            this.lastSent = now;
        }

        void close() {
            try {
                sink.close();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Closing an event stream failed", e);
            }
        }
    }
}
