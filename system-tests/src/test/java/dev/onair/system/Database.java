package dev.onair.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The test server's database, read and written directly by tests that must see a table or plant
 * an old row: PostgreSQL itself, or the embedded Derby through the network server the test server
 * runs (loopback only, tests only).
 */
public final class Database {

    private Database() {
    }

    public static Connection connect() {
        OnAirServer server = OnAirServer.get();
        try {
            if ("postgresql".equals(server.database())) {
                return DriverManager.getConnection(System.getProperty("onair.it.postgresql.url") + "?currentSchema=onair_it",
                        System.getProperty("onair.it.postgresql.user"), "");
            }
            return DriverManager.getConnection("jdbc:derby://127.0.0.1:" + OnAirServer.DERBY_PORT + "/"
                    + server.dataDir().resolve("derby").toAbsolutePath() + ";user=onair;password=onair");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the test server's database", e);
        }
    }

    /** The single number {@code sql} answers. */
    public static long number(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = prepared(connection, sql, parameters);
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the rows it changed. */
    public static int update(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = prepared(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static PreparedStatement prepared(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            statement.setObject(i + 1, value instanceof Instant instant ? Timestamp.from(instant) : value);
        }
        return statement;
    }
}
