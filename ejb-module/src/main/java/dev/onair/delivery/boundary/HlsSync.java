package dev.onair.delivery.boundary;

import dev.onair.channels.entity.StreamEnded;
import dev.onair.channels.entity.StreamInterrupted;
import dev.onair.channels.entity.StreamResumed;
import dev.onair.channels.entity.StreamStarted;
import dev.onair.delivery.control.DeliverySettings;
import dev.onair.delivery.control.FolderHealth;
import dev.onair.delivery.control.ObjectStore;
import dev.onair.delivery.control.PlaylistWatch;
import dev.onair.delivery.control.SyncRecords;
import dev.onair.delivery.control.Thumbnailer;
import dev.onair.ingest.boundary.NginxSupervisor;
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
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps S3 in step with nginx's HLS folders: one {@link FolderSync} per folder with something
 * to do, woken by a {@link PlaylistWatch} when nginx renames a new playlist into place, by
 * upload completions, and by a sweep every {@code onair.delivery.sweep-interval} (retries,
 * missed file events, replays coming due). Starts a folder's sync on {@link StreamStarted} and
 * {@link StreamResumed}, asks for the replay on {@link StreamEnded}, and at start resumes every
 * folder the database says has work left (segments not yet uploaded, live publishes, replays
 * not yet written), so that a restarted OnAir loses nothing nginx cut meanwhile.
 * <p>
 * Off when this node runs no ingest ({@code onair.ingest.mode=none}).
 */
@Startup
@Singleton
@DependsOn({"SchemaMigration", "NginxSupervisor"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HlsSync {

    private static final Logger LOG = Logger.getLogger(HlsSync.class.getName());
    /** A folder sync with nothing to do for this long is dropped (a new publish starts it again). */
    static final Duration QUIET = Duration.ofSeconds(60);

    /** The sync as {@code /health/ready} and the channel health see it; a lag above {@code lagThreshold} is not ready. */
    public record Status(boolean enabled, int folders, int waiting, Duration lag, Duration lagThreshold, int failing,
                         String lastError) {
    }

    /** One channel's share of it. */
    public record ChannelDelivery(int waiting, Duration lag, int failures, String lastError, long uploaded) {
    }

    @Resource
    ManagedThreadFactory threads;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @EJB
    SyncRecords records;

    @Inject
    ObjectStore store;

    @Inject
    DeliverySettings settings;

    @Inject
    Thumbnailer thumbnailer;

    @EJB
    NginxSupervisor ingest;

    private final Clock clock = Clock.systemUTC();
    private final Map<String, FolderSync> folders = new ConcurrentHashMap<>();
    private volatile boolean enabled;
    private volatile boolean stopping;
    private Path root;
    private PlaylistWatch<FolderSync> watch;
    private ScheduledFuture<?> sweeper;

    @PostConstruct
    void start() {
        Optional<Path> hls = ingest.hlsRoot();
        if (hls.isEmpty()) {
            LOG.info("HLS delivery is off on this node (onair.ingest.mode=none)");
            return;
        }
        root = hls.get();
        try {
            Files.createDirectories(root);
            watch = new PlaylistWatch<>();
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "HLS delivery cannot watch " + root + "; it sweeps only", e);
        }
        enabled = true;
        if (watch != null) {
            threads.newThread(() -> watch.run(FolderSync::wake)).start();
        }
        long every = settings.sweepInterval().toMillis();
        sweeper = scheduler.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
        executor.execute(this::resume);
        store.prepare();
    }

    @PreDestroy
    void stop() {
        stopping = true;
        folders.values().forEach(FolderSync::stop);
        if (sweeper != null) {
            sweeper.cancel(false);
        }
        if (watch != null) {
            try {
                watch.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing the watch service", e);
            }
        }
    }

    public void started(@Observes(during = TransactionPhase.AFTER_SUCCESS) StreamStarted event) {
        onFolder(event.folder());
    }

    public void resumed(@Observes(during = TransactionPhase.AFTER_SUCCESS) StreamResumed event) {
        onFolder(event.folder());
    }

    public void interrupted(@Observes(during = TransactionPhase.AFTER_SUCCESS) StreamInterrupted event) {
        onPublish(event.publishId(), null);
    }

    public void ended(@Observes(during = TransactionPhase.AFTER_SUCCESS) StreamEnded event) {
        if (event.publishId() != null) {
            onPublish(event.publishId(), event.channelId());
        }
    }

    /** The sync as a whole, for {@code /health/ready}. */
    public Status status() {
        Instant now = clock.instant();
        int waiting = 0;
        int failing = 0;
        Instant oldest = null;
        String lastError = null;
        for (FolderSync folder : folders.values()) {
            FolderHealth.Status s = folder.status();
            waiting += s.waiting();
            if (s.failures() > 0) {
                failing++;
                lastError = s.lastError();
            }
            if (s.oldestWaitingSince() != null && (oldest == null || s.oldestWaitingSince().isBefore(oldest))) {
                oldest = s.oldestWaitingSince();
            }
        }
        return new Status(enabled, folders.size(), waiting, oldest == null ? Duration.ZERO : Duration.between(oldest, now),
                settings.lagThreshold(), failing, lastError);
    }

    /** The delivery of one channel, when a folder sync works for it on this node. */
    public Optional<ChannelDelivery> statusOf(String channelId) {
        Instant now = clock.instant();
        for (FolderSync folder : folders.values()) {
            FolderHealth.Status s = folder.status();
            if (s.channels().contains(channelId)) {
                return Optional.of(new ChannelDelivery(s.waiting(),
                        s.oldestWaitingSince() == null ? Duration.ZERO : Duration.between(s.oldestWaitingSince(), now),
                        s.failures(), s.lastError(), s.uploaded()));
            }
        }
        return Optional.empty();
    }

    private void onFolder(String name) {
        if (!enabled || stopping) {
            return;
        }
        executor.execute(() -> folder(name).wake());
    }

    private void onPublish(String publishId, String endedChannel) {
        if (!enabled || stopping) {
            return;
        }
        executor.execute(() -> records.folderOfPublish(publishId).ifPresent(name -> {
            FolderSync folder = folder(name);
            if (endedChannel != null) {
                folder.expectReplay(endedChannel);
            }
            folder.wake();
        }));
    }

    private void resume() {
        try {
            Map<String, List<String>> awaitingReplay = records.channelsAwaitingReplay();
            for (String name : records.foldersToSync()) {
                FolderSync folder = folder(name);
                awaitingReplay.getOrDefault(name, List.of()).forEach(folder::expectReplay);
                folder.wake();
            }
            if (!folders.isEmpty()) {
                LOG.log(Level.INFO, "HLS delivery resumed for {0} folder(s)", folders.size());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "HLS delivery could not resume from the database; the next publish starts it", e);
        }
    }

    private FolderSync folder(String name) {
        return folders.computeIfAbsent(name, n -> {
            FolderSync folder = new FolderSync(n, root, records, store, thumbnailer, executor, settings, clock);
            register(folder);
            return folder;
        });
    }

    private void register(FolderSync folder) {
        if (watch == null) {
            return;
        }
        try {
            Files.createDirectories(folder.dir);
            watch.register(folder.dir, folder);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot watch {0}; the sweep looks at it every {1}", new Object[] {folder.dir, settings.sweepInterval()});
        }
    }

    private void sweep() {
        if (stopping) {
            return;
        }
        for (FolderSync folder : folders.values()) {
            if (folder.idle(QUIET)) {
                folders.remove(folder.folder, folder);
                if (watch != null) {
                    watch.cancel(folder);
                }
                continue;
            }
            folder.wake();
        }
    }
}
