package dev.onair.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * Live while the JVM has heap to work with: when the tenured pool is still more than 98% full
 * right after a collection, the process is thrashing and a restart is the cure.
 */
@Liveness
@ApplicationScoped
public class ProcessLiveness implements HealthCheck {

    private static final int PERCENT = 100;
    private static final long MIB = 1024 * 1024;

    static final double MAX_TENURED_AFTER_GC = 0.98;

    @Override
    public HealthCheckResponse call() {
        double worst = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (afterGc != null && afterGc.getMax() > 0) {
                worst = Math.max(worst, (double) afterGc.getUsed() / afterGc.getMax());
            }
        }
        Runtime runtime = Runtime.getRuntime();
        return HealthCheckResponse.named("process")
                .status(worst < MAX_TENURED_AFTER_GC)
                .withData("heapUsedAfterGcPercent", Math.round(worst * PERCENT))
                .withData("heapMaxMiB", runtime.maxMemory() / MIB)
                .build();
    }
}
