package dev.onair.shared;

import jakarta.persistence.OptimisticLockException;

import java.sql.SQLException;
import java.util.function.Supplier;

/** Recognises what the database says when one of its integrity rules refused a write. */
public final class Conflicts {

    private Conflicts() {
    }

    /** True when {@code failure} was caused by a unique-constraint violation (SQLState 23505). */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if ("23505".equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * True when the database gave up {@code failure}'s transaction to break a deadlock or a lock
     * wait (SQLState class 40: serialization failure, deadlock; Derby's lock timeout 40XL1): trying
     * the same work again is the remedy.
     */
    public static boolean isLockConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    String state = s.getSQLState();
                    if (state != null && (state.equals("40001") || state.equals("40P01") || state.startsWith("40XL"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** True when {@code failure} was caused by a lost optimistic-locking race (someone else changed the row). */
    public static boolean isOptimisticLockLoss(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs {@code work} (one transaction) and runs it again, up to {@code attempts} times in all,
     * while the database gives it up to break a deadlock ({@link #isLockConflict}).
     */
    public static <T> T retryingLockConflicts(int attempts, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt >= attempts || !isLockConflict(e)) {
                    throw e;
                }
            }
        }
    }
}
