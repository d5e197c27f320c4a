package dev.onair.ingest.boundary;

import dev.onair.accounts.entity.Caller;
import dev.onair.channels.boundary.ChannelAccess;
import dev.onair.channels.boundary.ChannelLifecycle;
import dev.onair.channels.entity.Channel;
import dev.onair.channels.entity.ChannelState;
import dev.onair.ingest.control.HealthMeters;
import dev.onair.ingest.control.IngestSettings;
import dev.onair.ingest.control.NginxControl;
import dev.onair.ingest.control.RtmpStat;
import dev.onair.ingest.entity.HealthReport;
import dev.onair.ingest.entity.Publish;
import dev.onair.ingest.entity.PublishEnd;
import dev.onair.ingest.entity.StreamHealth;
import dev.onair.ingest.entity.StreamHealthChanged;
import dev.onair.shared.Transactions;
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
import jakarta.inject.Inject;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every few seconds ({@code onair.ingest.watchdog-interval}, default 3 s), on the server's
 * managed scheduled executor:
 * <ol>
 * <li>applies changes of the ingest configuration to nginx;</li>
 * <li>ends channels whose reconnect window passed or that reached the maximum broadcast length;</li>
 * <li>reads nginx-rtmp's {@code /stat}, measures each live stream (bitrate, codecs, size, frame
 *     rate, HEALTHY or STARVING; a change that holds two readings fires {@link StreamHealthChanged}
 *     in a transaction of its own), and reconciles: a publish whose publisher nginx no longer lists
 *     on two readings in a row ends ({@code on_publish_done} is known to go missing when a
 *     publisher dies), and a publisher nginx lists but OnAir has no publish for, on two readings in
 *     a row, is dropped (after either side restarted).</li>
 * </ol>
 */
@Startup
@Singleton
@DependsOn({"SchemaMigration", "NginxSupervisor"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IngestWatchdog {

    private static final Logger LOG = Logger.getLogger(IngestWatchdog.class.getName());
    /** Readings in a row that must miss a publisher before OnAir acts on it. */
    static final int MISSES = 2;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    IngestSettings settings;

    @Inject
    NginxControl nginx;

    @Inject
    HealthMeters meters;

    @EJB
    ChannelAccess access;

    @EJB
    NginxSupervisor supervisor;

    @EJB
    PublishGate gate;

    @EJB
    ChannelLifecycle lifecycle;

    @EJB
    Transactions transactions;

    @Inject
    Event<StreamHealthChanged> healthChanged;

    private final Map<String, Integer> missingPublishes = new HashMap<>();
    private final Map<String, Integer> unknownPublishers = new HashMap<>();
    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        long interval = settings.watchdogInterval().toMillis();
        task = scheduler.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** The channel's stream health, for its broadcaster or an admin only (see {@link ChannelAccess#managed}). */
    public HealthReport report(String channelId, Caller caller) {
        Channel channel = access.managed(channelId, caller, "only the channel's broadcaster or an admin may see this");
        return HealthReport.of(channel, channel.state() == ChannelState.LIVE ? meters.latest(channel.id()) : Optional.empty());
    }

    /** One round; never throws, so the schedule goes on. */
    synchronized void tick() {
        try {
            supervisor.applyConfigurationChanges();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Applying ingest configuration changes failed", e);
        }
        try {
            lifecycle.endOverdue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Ending overdue channels failed", e);
        }
        if (!nginx.enabled()) {
            return;
        }
        RtmpStat stat;
        try {
            stat = nginx.stat();
        } catch (IOException e) {
            meters.clear();
            LOG.log(Level.FINE, "nginx statistics unavailable: {0}", e.toString());
            return;
        }
        try {
            reconcile(stat, gate.active(), Instant.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reconciling publishes with nginx failed", e);
        }
    }

    /** Tells whoever listens (the feed) that a stream's verdict changed, in a transaction of its own. */
    private void report(Publish publish, StreamHealth.Verdict verdict, long bitrate, Instant now) {
        try {
            transactions.inNewTransaction(() -> {
                healthChanged.fire(new StreamHealthChanged(publish.channelId(), publish.accountId(), publish.id(), verdict, bitrate, now));
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Recording that publish " + publish.id() + " became " + verdict + " failed", e);
        }
    }

    private void reconcile(RtmpStat stat, List<Publish> publishes, Instant now) {
        Set<String> known = new HashSet<>();
        Set<String> measured = new HashSet<>();
        Duration grace = settings.watchdogInterval().multipliedBy(MISSES);
        for (Publish publish : publishes) {
            known.add(publish.streamName() + "#" + publish.clientId());
            Optional<RtmpStat.Stream> stream = stat.stream(publish.streamName())
                    .filter(s -> s.publisherId().filter(publish.clientId()::equals).isPresent());
            if (stream.isPresent()) {
                missingPublishes.remove(publish.id());
                StreamHealth health = meters.measure(publish, stream.get(), now);
                meters.change(health).ifPresent(verdict -> report(publish, verdict, health.bitrate(), now));
                measured.add(publish.channelId());
                continue;
            }
            if (publish.startedAt().plus(grace).isAfter(now)) {
                continue; // accepted a moment ago: nginx may not list it yet
            }
            int misses = missingPublishes.merge(publish.id(), 1, Integer::sum);
            if (misses >= MISSES) {
                missingPublishes.remove(publish.id());
                LOG.log(Level.INFO, "Publisher of publish {0} (stream {1}) vanished without on_publish_done",
                        new Object[] {publish.id(), publish.streamName()});
                gate.end(publish.id(), PublishEnd.PUBLISHER_VANISHED);
            }
        }
        missingPublishes.keySet().retainAll(publishes.stream().map(Publish::id).toList());
        meters.retain(measured);

        Set<String> listed = new HashSet<>();
        for (RtmpStat.Stream stream : stat.streams()) {
            if (stream.publisherId().isEmpty()) {
                continue;
            }
            String publish = stream.name() + "#" + stream.publisherId().get();
            listed.add(publish);
            if (known.contains(publish)) {
                unknownPublishers.remove(publish);
                continue;
            }
            int sightings = unknownPublishers.merge(publish, 1, Integer::sum);
            if (sightings >= MISSES) {
                unknownPublishers.remove(publish);
                LOG.log(Level.INFO, "nginx lists a publisher on stream {0} that OnAir has no publish for: dropping it",
                        stream.name());
                nginx.drop(stream.name(), stream.publisherId().get());
            }
        }
        unknownPublishers.keySet().retainAll(listed);
    }
}
