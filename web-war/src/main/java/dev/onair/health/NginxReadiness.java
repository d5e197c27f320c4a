package dev.onair.health;

import dev.onair.ingest.boundary.NginxSupervisor;
import dev.onair.ingest.entity.IngestMode;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;


/**
 * Ready while nginx-rtmp can take publishes: in managed mode its process runs and its statistics
 * answer; in external mode its statistics answer. Always up (and says so) where ingest is off.
 */
@Readiness
@ApplicationScoped
public class NginxReadiness implements HealthCheck {

    @EJB
    NginxSupervisor supervisor;

    @Override
    public HealthCheckResponse call() {
        NginxSupervisor.Status status = supervisor.status();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("nginx")
                .withData("mode", status.mode().name().toLowerCase());
        if (status.mode() == IngestMode.NONE) {
            return response.up().build();
        }
        if (status.mode() == IngestMode.MANAGED) {
            response.withData("starts", status.starts());
            if (!status.running()) {
                return response.down().withData("problem", status.problem() == null ? "not started yet" : status.problem()).build();
            }
            response.withData("pid", status.pid()).withData("since", String.valueOf(status.since()));
        }
        NginxSupervisor.Publishing publishing = supervisor.publishing();
        if (publishing.problem() != null) {
            return response.down().withData("problem", publishing.problem()).build();
        }
        return response.up().withData("publishing", publishing.streams()).build();
    }
}
