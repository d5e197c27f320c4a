package dev.onair.logins.boundary;

import dev.onair.logins.control.LoginConfig;
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

import java.time.Clock;
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
    LoginConfig settings;

    private final Clock clock = Clock.systemUTC();
    private Periodic task;

    @PostConstruct
    void start() {
        task = Periodic.every(scheduler, settings.purgeInterval(), "onair.logins.purge-interval", "Purging the login history", this::purge);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel();
        }
    }

    void purge() {
        int deleted = history.purgeBefore(clock.instant().minus(settings.retention()));
        if (deleted > 0) {
            LOG.log(Level.INFO, "Purged {0} login history rows older than {1}", new Object[] {deleted, settings.retention()});
        }
    }
}
