package dev.onair.health;

import dev.onair.delivery.boundary.HlsSync;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/**
 * Ready while the HLS sync keeps up: down when the oldest segment not yet in S3 waits longer
 * than {@code onair.delivery.lag-threshold} (S3 unreachable or too slow). Reports the lag, the
 * segments waiting and the folders whose uploads are failing, with the last error.
 */
@Readiness
@ApplicationScoped
public class DeliveryReadiness implements HealthCheck {

    @EJB
    HlsSync sync;

    @Override
    public HealthCheckResponse call() {
        HlsSync.Status status = sync.status();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("delivery").withData("enabled", status.enabled());
        if (!status.enabled()) {
            return response.up().build();
        }
        Duration threshold = status.lagThreshold();
        response.withData("streams", status.folders())
                .withData("segmentsWaiting", status.waiting())
                .withData("lagMillis", status.lag().toMillis())
                .withData("lagThresholdMillis", threshold.toMillis())
                .withData("failing", status.failing());
        if (status.lastError() != null) {
            response.withData("lastError", status.lastError());
        }
        return status.lag().compareTo(threshold) > 0 ? response.down().build() : response.up().build();
    }
}
