package dev.onair.delivery.boundary;

import dev.onair.delivery.control.EdgeAuthorization;
import dev.onair.delivery.control.EdgeConfig;
import dev.onair.delivery.control.EdgeSettings;
import dev.onair.shared.NginxProcess;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the local edge ({@link EdgeConfig}) when {@code onair.edge.port} is set: an nginx of its own,
 * supervised like ingest's ({@link NginxProcess}), so that a flood of encoder connections never
 * takes its connections and viewers keep playing. Configuration changes are applied every few
 * seconds. In production CloudFront is the edge and this does nothing.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LocalEdge {

    private static final Logger LOG = Logger.getLogger(LocalEdge.class.getName());
    static final long APPLY_SECONDS = 5;

    /** What the edge's supervisor knows; {@code enabled} false where no local edge is configured. */
    public record Status(boolean enabled, NginxProcess.Status process) {
    }

    @Resource
    ManagedThreadFactory threads;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    EdgeSettings settings;

    @Inject
    EdgeAuthorization authorization;

    private NginxProcess nginx;
    private ScheduledFuture<?> apply;

    @PostConstruct
    void start() {
        Optional<EdgeConfig> config;
        try {
            config = settings.config();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The local edge is off: {0}", e.getMessage());
            return;
        }
        if (config.isEmpty()) {
            return;
        }
        nginx = new NginxProcess("edge", settings.binary(), settings.dir(),
                () -> settings.config().orElseThrow(() -> new IllegalStateException("onair.edge.port was unset")).render(), () -> { });
        nginx.start(threads);
        apply = scheduler.scheduleWithFixedDelay(() -> nginx.applyChanges(true), APPLY_SECONDS, APPLY_SECONDS, TimeUnit.SECONDS);
        LOG.log(Level.INFO, "The local edge serves the bucket on port {0}", String.valueOf(config.get().port()));
    }

    @PreDestroy
    void stop() {
        if (apply != null) {
            apply.cancel(false);
        }
        if (nginx != null) {
            nginx.stop();
        }
    }

    /** Whether {@code secret} is the local edge's own: its questions carry it. */
    public boolean isEdgeSecret(String secret) {
        return settings.isSecret(secret);
    }

    /**
     * Why the edge must not serve {@code originalUri} (the viewer's raw request URI) to a viewer
     * with these cookies; empty when it may. See {@link EdgeAuthorization}.
     */
    public Optional<String> refusal(String originalUri, Map<String, String> cookies) {
        return authorization.refusal(originalUri, cookies);
    }

    public Status status() {
        return nginx == null ? new Status(false, null) : new Status(true, nginx.status());
    }
}
