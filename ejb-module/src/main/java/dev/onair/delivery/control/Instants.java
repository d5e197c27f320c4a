package dev.onair.delivery.control;

import java.time.Instant;

/** Small arithmetic on instants that may be absent. */
final class Instants {

    private Instants() {
    }

    /** The earlier of two instants, either of which may be null. */
    static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
