package dev.onair.logins.boundary;

import dev.onair.logins.control.LoginConfig;
import dev.onair.logins.entity.Devices;
import dev.onair.logins.entity.LoginNotice;
import dev.onair.logins.entity.Outcome;
import dev.onair.shared.Page;
import dev.onair.shared.PageRequest;
import dev.onair.signin.entity.UserLoggedIn;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.UUID;

/**
 * Notices of sign-ins from a device or a network the account had not signed in from before,
 * judged against its earlier successful sign-ins. The sign-in that created the account is
 * nobody's surprise and gets none. Written asynchronously once the sign-in committed: a notice
 * follows the sign-in within moments and never delays it.
 */
@Stateless
public class LoginNotices {

    @PersistenceContext(unitName = "onair")
    EntityManager em;

    @Inject
    LoginConfig settings;

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void onUserLoggedIn(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserLoggedIn event) {
        if (!settings.record() || event.newAccount()) {
            return;
        }
        String network = Devices.network(event.client().ip());
        boolean newDevice = !seenBefore(event, "deviceKey", Devices.deviceKey(event.client().userAgent()));
        boolean newNetwork = network != null && !seenBefore(event, "network", network);
        if (newDevice || newNetwork) {
            em.persist(new LoginNotice(UUID.randomUUID().toString(), event.accountId(), event.attemptId(), event.at(),
                    event.provider(), event.client().ip(), event.client().userAgent(), newDevice, newNetwork));
        }
    }

    /** The account's notices, newest first. */
    public Page<LoginNotice> ofAccount(String accountId, PageRequest page) {
        long total = em.createQuery("SELECT COUNT(n) FROM LoginNotice n WHERE n.accountId = :account", Long.class)
                .setParameter("account", accountId).getSingleResult();
        var items = em.createQuery("SELECT n FROM LoginNotice n WHERE n.accountId = :account "
                        + "ORDER BY n.createdAt DESC, n.id DESC", LoginNotice.class)
                .setParameter("account", accountId)
                .setFirstResult(page.first()).setMaxResults(page.size())
                .getResultList();
        return new Page<>(items, page.page(), page.size(), total);
    }

    private boolean seenBefore(UserLoggedIn event, String key, String value) {
        return !em.createQuery("SELECT a.id FROM LoginAttempt a WHERE a.accountId = :account AND a.outcome = :success "
                        + "AND a." + key + " = :value AND a.id <> :attempt AND a.attemptedAt <= :at", String.class)
                .setParameter("account", event.accountId())
                .setParameter("success", Outcome.SUCCESS)
                .setParameter("value", value)
                .setParameter("attempt", event.attemptId())
                .setParameter("at", event.at())
                .setMaxResults(1)
                .getResultList().isEmpty();
    }
}
