package dev.onair.schema.boundary;

import dev.onair.schema.control.DerbyIdentities;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Brings the schema up to date when the application starts. The application does not start
 * when a migration fails, so nothing ever runs against a half-migrated schema.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "jdbc/onair")
    DataSource dataSource;

    private volatile String schemaVersion;

    @PostConstruct
    void migrate() {
        Flyway flyway = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load();
        MigrateResult result = flyway.migrate();
        schemaVersion = result.targetSchemaVersion != null ? result.targetSchemaVersion
                : result.initialSchemaVersion != null ? result.initialSchemaVersion : "none";
        LOG.info(() -> "Database schema at version " + schemaVersion + " (" + result.migrationsExecuted
                + " migration(s) applied now)");
        reserveDerbyIdentities();
    }

    /** On embedded Derby, identity ranges are taken now, alone ({@link DerbyIdentities}); elsewhere nothing to do. */
    private void reserveDerbyIdentities() {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.getMetaData().getDatabaseProductName().startsWith("Apache Derby")) {
                DerbyIdentities.reserve(connection);
                LOG.info("Derby: identity ranges reserved before the first request");
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Derby: reserving identity ranges at start-up failed; concurrent inserts may meet lock timeouts", e);
        }
    }

    /** The schema version in force, for health and diagnostics. */
    public String schemaVersion() {
        return schemaVersion;
    }
}
