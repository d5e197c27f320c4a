package dev.onair.signin.boundary;

import dev.onair.signin.entity.SignInRequest;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/** Authorization requests waiting for their callback: stored at the start, taken exactly once at the end. */
@Stateless
public class SignInRequests {

    @PersistenceContext(unitName = "onair")
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    public void save(SignInRequest request) {
        em.persist(request);
    }

    /**
     * The request whose state hashes to {@code stateHash}, removed in the same transaction, so a
     * second callback with the same state (a replay, a double click) finds nothing. Expired ones
     * are returned too (and removed): the caller tells the user why.
     */
    public Optional<SignInRequest> take(String stateHash) {
        SignInRequest request = em.find(SignInRequest.class, stateHash, LockModeType.PESSIMISTIC_WRITE);
        if (request == null) {
            return Optional.empty();
        }
        em.remove(request);
        em.flush();
        return Optional.of(request);
    }

    /** Abandoned requests (the user never came back) are deleted every few minutes. */
    @Schedule(hour = "*", minute = "*/5", persistent = false)
    public void purgeExpired() {
        em.createNativeQuery("DELETE FROM sign_in_request WHERE expires_at < ?")
                .setParameter(1, Timestamp.from(clock.instant()))
                .executeUpdate();
    }
}
