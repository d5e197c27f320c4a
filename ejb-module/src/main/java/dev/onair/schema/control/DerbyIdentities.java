package dev.onair.schema.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Embedded Derby only: reserves a range of values for every identity column once, at start-up,
 * before any request can insert. Derby hands out identity values from ranges it records in
 * {@code SYS.SYSSEQUENCES}, and takes a new range in a nested transaction that does not wait for
 * that row's lock: when another session holds it at that moment (one compiling a statement on the
 * table, as every session does right after a start), concurrent inserts fail at once with 40XL1
 * "A lock could not be obtained within the time requested". With a range a million values long
 * ({@code -Dderby.language.sequence.preallocator} in jvm.options) taken here, alone, no request
 * takes one until a million rows later. The rows inserted here (one account, channel and publish
 * session as parents, one row in each identity table) are rolled back; the ranges stay taken.
 */
public final class DerbyIdentities {

    /** One row in each table with an identity column (parents given by id). */
    private static final String STREAM_EVENT = "INSERT INTO stream_event (channel_id, type, occurred_at) VALUES (?, 'STARTED', ?)";
    private static final String HLS_SEGMENT = "INSERT INTO hls_segment (session_id, channel_id, folder, number, seq, discontinuity,"
            + " duration_ms, object_key, listed_at) VALUES (?, ?, 'warm-up', 0, 0, FALSE, 0, 'warm-up', ?)";
    private static final String THUMBNAIL = "INSERT INTO thumbnail (channel_id, taken_at, object_key) VALUES (?, ?, 'warm-up')";
    private static final String FEED_EVENT = "INSERT INTO feed_event (event_id, type, occurred_at, payload) VALUES (?, 'warm-up', ?, '{}')";

    private DerbyIdentities() {
    }

    /** Takes a range for each identity column on {@code connection} (its own transaction, rolled back). */
    public static void reserve(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            Timestamp now = Timestamp.from(Instant.now());
            String account = UUID.randomUUID().toString();
            String channel = UUID.randomUUID().toString();
            String publish = UUID.randomUUID().toString();
            update(connection, "INSERT INTO account (id, display_name, created_at, version) VALUES (?, 'warm-up', ?, 0)", account, now);
            update(connection, "INSERT INTO channel (id, owner_id, open_owner_id, title, description, visibility, state, created_at,"
                    + " updated_at, version) VALUES (?, ?, ?, 'warm-up', '', 'PUBLIC', 'CREATED', ?, ?, 0)", channel, account, account, now, now);
            update(connection, "INSERT INTO publish_session (id, channel_id, account_id, stream_name, client_id, key_hash, started_at,"
                    + " ended_at, end_reason, version) VALUES (?, ?, ?, 'warm-up', 'warm-up', 'warm-up', ?, ?, 'warm-up', 0)",
                    publish, channel, account, now, now);
            update(connection, STREAM_EVENT, channel, now);
            update(connection, HLS_SEGMENT, publish, channel, now);
            update(connection, THUMBNAIL, channel, now);
            update(connection, FEED_EVENT, UUID.randomUUID().toString(), now);
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
