package dev.onair.feed.boundary;

import dev.onair.feed.control.FeedConfig;
import dev.onair.feed.entity.FeedAppended;
import dev.onair.feed.entity.FeedNumbered;
import dev.onair.shared.Periodic;
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
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives committed feed events their numbers: at once after a transaction on this node wrote some
 * (one run at a time; a wake-up during a run makes one more), and every
 * {@code onair.feed.sequence-interval} for those it was not told of (written on another node, or
 * left by a node that stopped). Which node numbers an event does not matter: the numbering is
 * serialized by the database ({@link FeedNumbering}). After a run that numbered some, it fires
 * {@link FeedNumbered} (synchronously, outside any transaction) for readers on this node.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FeedSequencer {

    private static final Logger LOG = Logger.getLogger(FeedSequencer.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @EJB
    FeedNumbering numbering;

    @Inject
    FeedConfig settings;

    @Inject
    Event<FeedNumbered> numbered;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private Periodic task;

    @PostConstruct
    void start() {
        task = Periodic.every(scheduler, settings.sequenceInterval(), "onair.feed.sequence-interval", "Numbering the feed", this::wake);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel();
        }
    }

    public void onAppended(@Observes(during = TransactionPhase.AFTER_SUCCESS) FeedAppended appended) {
        wake();
    }

    /** Numbers what waits, on the executor; if a run is going on, it runs once more after it. */
    void wake() {
        again.set(true);
        if (running.compareAndSet(false, true)) {
            submit();
        }
    }

    private void submit() {
        try {
            scheduler.execute(this::run);
        } catch (RejectedExecutionException e) {
            // the server is stopping: the next node (or this one's next start) numbers what waits
            running.set(false);
            LOG.log(Level.FINE, "Numbering the feed not scheduled: the executor refused it", e);
        }
    }

    private void run() {
        try {
            while (again.getAndSet(false)) {
                FeedNumbering.Run run = numbering.numberWaiting();
                if (run.numbered() > 0) {
                    numbered.fire(new FeedNumbered(run.last()));
                }
                if (run.numbered() == FeedNumbering.BATCH) {
                    again.set(true);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Numbering the feed failed; trying again within " + settings.sequenceInterval(), e);
        } finally {
            running.set(false);
        }
        if (again.get() && running.compareAndSet(false, true)) {
            submit();
        }
    }
}
