package dev.onair.ingest.control;

import dev.onair.ingest.entity.Publish;
import dev.onair.ingest.entity.StreamHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest {@link StreamHealth} of every live channel on this node, as the watchdog measured
 * it; readers (the health endpoint) see a consistent record per channel.
 */
@ApplicationScoped
public class HealthMeters {

    @Inject
    IngestSettings settings;

    private final Map<String, HealthMeter> meters = new ConcurrentHashMap<>();
    private final Map<String, StreamHealth> latest = new ConcurrentHashMap<>();

    /** Measures {@code publish}'s stream from one reading of nginx's statistics. */
    public StreamHealth measure(Publish publish, RtmpStat.Stream stream, Instant now) {
        HealthMeter meter = meters.computeIfAbsent(publish.id(), id -> new HealthMeter(settings.starvingRatio()));
        HealthMeter.Reading reading = meter.read(stream.bytesIn(), stream.timeMillis(), now);
        RtmpStat.Media media = stream.media();
        StreamHealth health = new StreamHealth(publish.channelId(), publish.id(), reading.verdict(), reading.bitrate(),
                media.videoCodec(), media.width(), media.height(), media.frameRate(), media.audioCodec(),
                media.sampleRate(), publish.startedAt(), now);
        latest.put(publish.channelId(), health);
        return health;
    }

    public Optional<StreamHealth> latest(String channelId) {
        return Optional.ofNullable(latest.get(channelId));
    }

    /** Forgets every channel but {@code live} ones. */
    public void retain(Set<String> live) {
        latest.keySet().retainAll(live);
        meters.keySet().retainAll(latest.values().stream().map(StreamHealth::publishId).toList());
    }

    public void clear() {
        latest.clear();
        meters.clear();
    }
}
