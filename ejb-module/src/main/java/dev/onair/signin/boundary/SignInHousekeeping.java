package dev.onair.signin.boundary;

import dev.onair.shared.Periodic;
import dev.onair.signin.control.SignInConfig;
import dev.onair.signin.control.SignInPolicy;
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
 * Deletes what sign-in leaves behind, every {@code onair.auth.purge-interval} (5 minutes) on the
 * server's managed scheduled executor: started sign-ins nobody finished, once they expired more
 * than their own lifetime ago (someone who comes back just late still learns it expired rather
 * than that it never existed), and refresh tokens past their expiry. Anonymous sign-in starts are
 * rate-limited, so between two purges the table holds what the limits let in, no more.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SignInHousekeeping {

    private static final Logger LOG = Logger.getLogger(SignInHousekeeping.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @EJB
    SignInRequests requests;

    @EJB
    SignInSessions sessions;

    @Inject
    SignInPolicy policy;

    @Inject
    SignInConfig settings;

    private final Clock clock = Clock.systemUTC();
    private Periodic task;

    @PostConstruct
    void start() {
        task = Periodic.every(scheduler, settings.purgeInterval(), "onair.auth.purge-interval", "Purging abandoned sign-ins", this::purge);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel();
        }
    }

    void purge() {
        int abandoned = requests.purgeExpiredBefore(clock.instant().minus(policy.stateTtl()));
        int expired = sessions.purgeExpired();
        if (abandoned + expired > 0) {
            LOG.log(Level.FINE, "Purged {0} abandoned sign-ins and {1} expired refresh tokens", new Object[] {abandoned, expired});
        }
    }
}
