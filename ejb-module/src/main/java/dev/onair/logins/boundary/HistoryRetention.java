package dev.onair.logins.boundary;

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
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the login history for {@code onair.logins.retention} (400 days by default) and no longer:
 * every {@code onair.logins.purge-interval} (an hour), on the server's managed scheduled
 * executor, attempts and notices older than that are deleted. The history is the audit trail of
 * sign-ins, not a store that grows for ever with every stranger's try.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HistoryRetention {

    private static final Logger LOG = Logger.getLogger(HistoryRetention.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @EJB
    LoginHistory history;

    @Inject
    @ConfigProperty(name = "onair.logins.retention", defaultValue = "P400D")
    Duration retention;

    @Inject
    @ConfigProperty(name = "onair.logins.purge-interval", defaultValue = "PT1H")
    Duration interval;

    private final Clock clock = Clock.systemUTC();
    private Periodic task;

    @PostConstruct
    void start() {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalStateException("onair.logins.retention must be positive, not " + retention);
        }
        task = Periodic.every(scheduler, interval, "onair.logins.purge-interval", "Purging the login history", this::purge);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel();
        }
    }

    void purge() {
        int deleted = history.purgeBefore(clock.instant().minus(retention));
        if (deleted > 0) {
            LOG.log(Level.INFO, "Purged {0} login history rows older than {1}", new Object[] {deleted, retention});
        }
    }
}
