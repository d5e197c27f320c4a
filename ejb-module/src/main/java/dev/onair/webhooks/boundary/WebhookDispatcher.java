package dev.onair.webhooks.boundary;

import dev.onair.feed.boundary.Feed;
import dev.onair.feed.entity.FeedNumbered;
import dev.onair.shared.Periodic;
import dev.onair.webhooks.control.OutboundGuard;
import dev.onair.webhooks.control.Signatures;
import dev.onair.webhooks.control.WebhookConfig;
import dev.onair.webhooks.control.WebhookSender;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers webhooks on this node. A pass (one at a time; a wake-up during one makes one more)
 * first turns new feed events into deliveries for the subscriptions behind the feed, then claims
 * due deliveries, as many as there are free slots ({@code onair.webhooks.concurrency}), each under
 * a lease, and sends each on the managed executor; a finished try frees its slot and wakes the next
 * pass, so a channel's next event follows its acknowledged one at once. Passes run when this
 * node's sequencer numbered events ({@link FeedNumbered}), and every
 * {@code onair.webhooks.poll-interval} for what other nodes numbered, retries that fell due and
 * leases that ran out. Several nodes share the work through the database: a delivery is sent by
 * whichever node claims it.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService executor;

    @EJB
    WebhookRecords records;

    @EJB
    Feed feed;

    @Inject
    WebhookConfig settings;

    /** This node, as the owner of the leases it takes. */
    private final String node = UUID.randomUUID().toString();
    private final Clock clock = Clock.systemUTC();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private Semaphore slots;
    private WebhookSender sender;
    private Periodic task;

    @PostConstruct
    void start() {
        slots = new Semaphore(settings.concurrency());
        sender = new WebhookSender(new OutboundGuard(settings.allowHttp(), settings.allow()), settings.timeout(), settings.concurrency(),
                scheduler);
        task = Periodic.every(scheduler, settings.pollInterval(), "onair.webhooks.poll-interval", "Delivering webhooks", this::wake);
    }

    @PreDestroy
    void stop() {
        stopping.set(true);
        if (task != null) {
            task.cancel();
        }
        if (sender != null) {
            sender.close();
        }
    }

    public void onNumbered(@Observes FeedNumbered numbered) {
        wake();
    }

    /** Runs a pass on the executor; if one is under way, one more after it. */
    void wake() {
        again.set(true);
        if (!stopping.get() && running.compareAndSet(false, true)) {
            submit(this::pass);
        }
    }

    private boolean submit(Runnable work) {
        try {
            scheduler.execute(work);
            return true;
        } catch (RejectedExecutionException e) {
            running.set(false);
            LOG.log(Level.FINE, "Webhook pass not scheduled: the executor refused it (stopping)", e);
            return false;
        }
    }

    private void pass() {
        try {
            while (again.getAndSet(false) && !stopping.get()) {
                fanOut();
                dispatch();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A webhook pass failed; trying again within " + settings.pollInterval(), e);
        } finally {
            running.set(false);
        }
        if (again.get() && !stopping.get() && running.compareAndSet(false, true)) {
            submit(this::pass);
        }
    }

    private void fanOut() {
        Instant now = clock.instant();
        for (String subscription : records.behind(feed.lastNumbered())) {
            try {
                while (records.fanOut(subscription, now) == WebhookRecords.FAN_OUT_BATCH) {
                    now = clock.instant();
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Turning feed events into deliveries for subscription " + subscription + " failed", e);
            }
        }
    }

    private void dispatch() {
        int free = slots.availablePermits();
        if (free == 0) {
            return;
        }
        Instant now = clock.instant();
        List<String> due = records.due(free, now);
        for (String delivery : due) {
            if (!slots.tryAcquire()) {
                return;
            }
            boolean sent = false;
            try {
                if (records.claim(delivery, node, now.plus(settings.lease()), now)) {
                    executor.execute(() -> deliver(delivery));
                    sent = true;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Claiming webhook delivery " + delivery + " failed", e);
            } finally {
                if (!sent) {
                    slots.release();
                }
            }
        }
    }

    private void deliver(String deliveryId) {
        try {
            Optional<WebhookRecords.Outgoing> outgoing = records.outgoing(deliveryId, node, clock.instant());
            if (outgoing.isPresent()) {
                WebhookRecords.Outgoing out = outgoing.get();
                WebhookSender.Result result = sender.send(out.url(), Signatures.headers(out.messageId(), clock.instant(), out.body(),
                        out.secrets()), out.body());
                records.complete(deliveryId, node, result, clock.instant());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Webhook delivery " + deliveryId + " failed unexpectedly; its lease runs out and it is tried again", e);
        } finally {
            slots.release();
            wake();
        }
    }
}
