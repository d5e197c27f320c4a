package dev.onair.ingest.control;

import dev.onair.ingest.entity.PublisherEvicted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Drops a publisher OnAir evicted, right after the eviction committed: ending a channel or
 * rotating its key kicks the encoder within the same request. The encoder's automatic
 * reconnect then meets the committed state and is refused by {@code on_publish}.
 */
@ApplicationScoped
public class PublisherDrops {

    @Inject
    NginxControl nginx;

    void onEvicted(@Observes(during = TransactionPhase.AFTER_SUCCESS) PublisherEvicted evicted) {
        nginx.drop(evicted.streamName(), evicted.clientId());
    }
}
