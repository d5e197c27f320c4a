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

    /** Readings in a row a new verdict must hold before it counts as a change. */
    static final int HOLD = 2;

    private final Map<String, HealthMeter> meters = new ConcurrentHashMap<>();
    private final Map<String, StreamHealth> latest = new ConcurrentHashMap<>();
    private final Map<String, Reported> reported = new ConcurrentHashMap<>();

    /** The verdict last reported of a publish (HEALTHY until told otherwise), and how long another has held. */
    private record Reported(StreamHealth.Verdict verdict, StreamHealth.Verdict candidate, int held) {
    }

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

    /**
     * Whether {@code health} (just measured) changes its publish's verdict: a verdict other than
     * the last one reported, held for {@link #HOLD} readings in a row, so that one odd reading does
     * not make two events. A publish starts HEALTHY.
     */
    public Optional<StreamHealth.Verdict> change(StreamHealth health) {
        Reported before = reported.getOrDefault(health.publishId(), new Reported(StreamHealth.Verdict.HEALTHY, null, 0));
        if (health.verdict() == before.verdict()) {
            reported.put(health.publishId(), new Reported(before.verdict(), null, 0));
            return Optional.empty();
        }
        int held = health.verdict() == before.candidate() ? before.held() + 1 : 1;
        if (held >= HOLD) {
            reported.put(health.publishId(), new Reported(health.verdict(), null, 0));
            return Optional.of(health.verdict());
        }
        reported.put(health.publishId(), new Reported(before.verdict(), health.verdict(), held));
        return Optional.empty();
    }

    public Optional<StreamHealth> latest(String channelId) {
        return Optional.ofNullable(latest.get(channelId));
    }

    /** Forgets every channel but {@code live} ones. */
    public void retain(Set<String> live) {
        latest.keySet().retainAll(live);
        meters.keySet().retainAll(latest.values().stream().map(StreamHealth::publishId).toList());
        reported.keySet().retainAll(meters.keySet());
    }

    public void clear() {
        latest.clear();
        meters.clear();
        reported.clear();
    }
}
