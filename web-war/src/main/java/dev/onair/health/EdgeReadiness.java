package dev.onair.health;

import dev.onair.delivery.boundary.LocalEdge;
import dev.onair.shared.NginxProcess;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the local edge's nginx runs; always up (and says so) where no local edge is configured (CloudFront). */
@Readiness
@ApplicationScoped
public class EdgeReadiness implements HealthCheck {

    @EJB
    LocalEdge edge;

    @Override
    public HealthCheckResponse call() {
        LocalEdge.Status status = edge.status();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("edge").withData("local", status.enabled());
        if (!status.enabled()) {
            return response.up().build();
        }
        NginxProcess.Status process = status.process();
        response.withData("starts", process.starts());
        if (!process.running()) {
            return response.down().withData("problem", process.problem() == null ? "not started yet" : process.problem()).build();
        }
        return response.up().withData("pid", process.pid()).build();
    }
}
