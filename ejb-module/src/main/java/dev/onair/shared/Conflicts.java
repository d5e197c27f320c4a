package dev.onair.shared;

import java.sql.SQLException;

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

    /** True when {@code failure} was caused by a lost optimistic-locking race (someone else changed the row). */
    public static boolean isOptimisticLockLoss(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException) {
                return true;
            }
        }
        return false;
    }
}
