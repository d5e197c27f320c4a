package dev.onair.signin.boundary;

import dev.onair.signin.entity.SignInRequest;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Authorization requests waiting for their callback: stored at the start, taken exactly once at the end. */
@Stateless
public class SignInRequests {

    @PersistenceContext(unitName = "onair")
    EntityManager em;

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

    /**
     * Deletes abandoned requests (the user never came back) that expired before {@code cutoff}
     * ({@link SignInHousekeeping} calls this); returns how many.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int purgeExpiredBefore(Instant cutoff) {
        return em.createNativeQuery("DELETE FROM sign_in_request WHERE expires_at < ?")
                .setParameter(1, Timestamp.from(cutoff))
                .executeUpdate();
    }
}
