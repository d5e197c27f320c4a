package dev.onair.health;

import dev.onair.schema.boundary.SchemaMigration;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once the schema migration ran (the application does not start without it). */
@Startup
@ApplicationScoped
public class SchemaStartup implements HealthCheck {

    @EJB
    SchemaMigration migration;

    @Override
    public HealthCheckResponse call() {
        String version = migration.schemaVersion();
        return HealthCheckResponse.named("schema")
                .status(version != null)
                .withData("version", version == null ? "pending" : version)
                .build();
    }
}
