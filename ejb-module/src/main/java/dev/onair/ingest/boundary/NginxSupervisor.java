package dev.onair.ingest.boundary;

import dev.onair.ingest.control.IngestSettings;
import dev.onair.ingest.control.NginxControl;
import dev.onair.ingest.control.RtmpStat;
import dev.onair.ingest.entity.IngestMode;
import dev.onair.ingest.entity.PublishEnd;
import dev.onair.shared.NginxProcess;
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
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs nginx-rtmp for OnAir ({@code onair.ingest.mode=managed}, the default) as an
 * {@link NginxProcess}: RTMP and RTMPS behind nginx's stream module, the HLS it cuts, its
 * statistics. Every publish dies with nginx, so each exit ends them all at once (their
 * channels go RECONNECTING and the encoders can come back within the reconnect window).
 * <p>
 * In external mode the configuration is only rendered, for the operators' nginx; in mode none
 * nothing happens. {@link #status()} feeds {@code /health/ready}.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NginxSupervisor {

    private static final Logger LOG = Logger.getLogger(NginxSupervisor.class.getName());

    /** What the supervisor knows, for health and diagnostics. */
    public record Status(IngestMode mode, boolean running, Long pid, Instant since, int starts, String problem) {
    }

    @Resource
    ManagedThreadFactory threads;

    @Inject
    NginxControl control;

    @Inject
    IngestSettings settings;

    @EJB
    PublishGate gate;

    private NginxProcess nginx;

    @PostConstruct
    void start() {
        IngestMode mode = settings.mode();
        if (mode == IngestMode.NONE) {
            LOG.info("Ingest is off on this node (onair.ingest.mode=none)");
            return;
        }
        try {
            Files.createDirectories(settings.hlsDir());
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "Cannot create the HLS folder {0}: {1}", new Object[] {settings.hlsDir(), e.toString()});
        }
        nginx = new NginxProcess("ingest", settings.nginxBinary(), settings.nginxDir(),
                () -> settings.nginxConfig().render(), this::endOrphanedPublishes);
        if (mode == IngestMode.EXTERNAL) {
            if (nginx.renderOnly()) {
                LOG.log(Level.INFO, "Ingest attaches to an nginx run by operators: configuration rendered at {0}, "
                        + "statistics and control at {1}", new Object[] {nginx.configFile(), settings.controlUrl()});
            }
            return;
        }
        nginx.start(threads);
    }

    @PreDestroy
    void stop() {
        if (nginx != null) {
            nginx.stop();
        }
    }

    /** How many streams nginx says are publishing; {@code problem} says why it could not (its statistics did not answer). */
    public record Publishing(long streams, String problem) {
    }

    /** Asks nginx's statistics how many streams publish: whether nginx answers is part of readiness. */
    public Publishing publishing() {
        try {
            return new Publishing(control.stat().streams().stream().filter(RtmpStat.Stream::publishing).count(), null);
        } catch (IOException e) {
            return new Publishing(-1, "statistics unavailable: " + e.getMessage());
        }
    }

    /** The folder nginx writes HLS to, one folder per stream name; empty where this node runs no ingest. */
    public Optional<Path> hlsRoot() {
        return settings.mode() == IngestMode.NONE ? Optional.empty() : Optional.of(settings.hlsDir());
    }

    public Status status() {
        IngestMode mode = settings.mode();
        if (nginx == null) {
            return new Status(mode, false, null, null, 0, null);
        }
        NginxProcess.Status status = nginx.status();
        return new Status(mode, status.running(), status.pid(), status.since(), status.starts(), status.problem());
    }

    /** Applies a changed ingest configuration (restarting nginx; encoders reconnect). Called by the watchdog on every tick. */
    public void applyConfigurationChanges() {
        if (nginx != null) {
            nginx.applyChanges(settings.mode() == IngestMode.MANAGED);
        }
    }

    private void endOrphanedPublishes() {
        try {
            int ended = gate.endAll(PublishEnd.INGEST_RESTARTED);
            if (ended > 0) {
                LOG.log(Level.INFO, "{0} publish(s) ended with the previous nginx", ended);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not end the publishes of the previous nginx; the watchdog will", e);
        }
    }
}
