package dev.onair.logins.boundary;

import dev.onair.logins.control.LoginConfig;
import dev.onair.logins.entity.HistoryFilter;
import dev.onair.logins.entity.LoginAttempt;
import dev.onair.logins.entity.Outcome;
import dev.onair.shared.Page;
import dev.onair.shared.PageRequest;
import dev.onair.signin.entity.LoginFailed;
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
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The login history: every sign-in attempt, from the sign-in events. A success is written once
 * the sign-in committed (AFTER_SUCCESS), asynchronously, so that keeping the history adds nothing
 * to the sign-in's answer; a failure at once in a transaction of its own, since the failed
 * attempt stored nothing else. The attempt id is the primary key: one row per attempt.
 */
@Stateless
public class LoginHistory {

    @PersistenceContext(unitName = "onair")
    EntityManager em;

    @Inject
    LoginConfig settings;

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void onUserLoggedIn(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserLoggedIn event) {
        if (!settings.record()) {
            return;
        }
        em.persist(new LoginAttempt(event.attemptId(), event.accountId(), event.provider(), event.at(),
                event.client().ip(), event.client().userAgent(), Outcome.SUCCESS, null));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void onLoginFailed(@Observes LoginFailed event) {
        if (!settings.record()) {
            return;
        }
        em.persist(new LoginAttempt(event.attemptId(), event.accountId(), event.provider(), event.at(),
                event.client().ip(), event.client().userAgent(), Outcome.FAILURE, event.reason()));
    }

    /** Deletes the attempts and notices from before {@code cutoff}; returns how many rows went. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int purgeBefore(Instant cutoff) {
        Timestamp before = Timestamp.from(cutoff);
        int notices = em.createNativeQuery("DELETE FROM login_notice WHERE created_at < ?").setParameter(1, before).executeUpdate();
        int attempts = em.createNativeQuery("DELETE FROM login_attempt WHERE attempted_at < ?").setParameter(1, before).executeUpdate();
        return notices + attempts;
    }

    /** An account's own history, newest first. */
    public Page<LoginAttempt> ofAccount(String accountId, PageRequest page) {
        return search(new HistoryFilter(accountId, null, null, null, null), page);
    }

    /** The history narrowed by {@code filter}, newest first. */
    public Page<LoginAttempt> search(HistoryFilter filter, PageRequest page) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<LoginAttempt> counted = count.from(LoginAttempt.class);
        count.select(cb.count(counted)).where(matching(cb, counted, filter));
        long total = em.createQuery(count).getSingleResult();

        CriteriaQuery<LoginAttempt> select = cb.createQuery(LoginAttempt.class);
        Root<LoginAttempt> attempt = select.from(LoginAttempt.class);
        select.select(attempt).where(matching(cb, attempt, filter))
                .orderBy(cb.desc(attempt.get("attemptedAt")), cb.desc(attempt.get("id")));
        TypedQuery<LoginAttempt> query = em.createQuery(select).setFirstResult(page.first()).setMaxResults(page.size());
        return new Page<>(query.getResultList(), page.page(), page.size(), total);
    }

    private static Predicate[] matching(CriteriaBuilder cb, Root<LoginAttempt> attempt, HistoryFilter filter) {
        List<Predicate> where = new ArrayList<>();
        add(where, filter.accountId(), v -> cb.equal(attempt.get("accountId"), v));
        add(where, filter.provider(), v -> cb.equal(attempt.get("provider"), v));
        add(where, filter.outcome(), v -> cb.equal(attempt.get("outcome"), v));
        add(where, filter.from(), v -> cb.greaterThanOrEqualTo(attempt.get("attemptedAt"), v));
        add(where, filter.to(), v -> cb.lessThan(attempt.get("attemptedAt"), v));
        return where.toArray(Predicate[]::new);
    }

    private static <T> void add(List<Predicate> where, T value, Function<T, Predicate> predicate) {
        if (value != null) {
            where.add(predicate.apply(value));
        }
    }
}
