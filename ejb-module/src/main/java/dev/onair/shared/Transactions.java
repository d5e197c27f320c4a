package dev.onair.shared;

import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.util.function.Supplier;

/**
 * Transaction plumbing for boundaries that work through many rows one at a time (ending overdue
 * channels, ending every publish after nginx restarted, issuing a key that a concurrent request
 * may issue too): each piece of work commits or rolls back on its own, so one failure holds up no
 * other, and the boundary keeps no {@code REQUIRES_NEW} helper in its public API for it.
 *
 * <p>The work runs on the caller's thread with the caller's injected resources: a container-managed
 * {@code EntityManager} joins the new transaction, and CDI events fired inside it reach their
 * transactional observers when it commits. A runtime exception rolls it back and reaches the caller
 * as the container reports system exceptions (an {@link jakarta.ejb.EJBException} around it).
 */
@Stateless
@LocalBean
public class Transactions {

    /** {@code work}'s result, computed in a transaction of its own that commits before this returns. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public <T> T inNewTransaction(Supplier<T> work) {
        return work.get();
    }
}
