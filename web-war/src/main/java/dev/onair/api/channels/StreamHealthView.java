package dev.onair.api.channels;

import dev.onair.channels.entity.Channel;
import dev.onair.delivery.boundary.HlsSync;
import dev.onair.ingest.entity.HealthReport;
import dev.onair.ingest.entity.StreamHealth;
import dev.onair.shared.Durations;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Optional;

/** A channel's stream health for its broadcaster and admins. */
@Schema(name = "StreamHealth", example = "{\"channelId\": \"6f1c1f8e-2a47-4c1e-9d4e-0c6c2b6f9a11\", \"state\": \"LIVE\", \"verdict\""
        + ": \"HEALTHY\", \"bitrate\": 2496000, \"videoCodec\": \"H264\", \"width\": 1280, \"height\""
        + ": 720, \"frameRate\": 30.0, \"audioCodec\": \"AAC\", \"audioSampleRate\": 48000, \"publish"
        + "ingSince\": \"2026-12-03T10:02:00Z\", \"measuredAt\": \"2026-12-03T10:15:30Z\"}")
public record StreamHealthView(
        String channelId,
        @Schema(description = "The channel's state") String state,
        @Schema(description = "HEALTHY or STARVING while a publisher is measured; MEASURING when the channel went "
                + "LIVE since the last reading; OFFLINE when nothing is publishing",
                enumeration = {"HEALTHY", "STARVING", "MEASURING", "OFFLINE"}) String verdict,
        @Schema(description = "Inbound bits per second over the last few seconds") Long bitrate,
        @Schema(description = "Video codec as the encoder announced it, e.g. H264") String videoCodec,
        Integer width,
        Integer height,
        @Schema(description = "Frames per second") Double frameRate,
        @Schema(description = "Audio codec, e.g. AAC") String audioCodec,
        Integer audioSampleRate,
        @Schema(description = "Start of the current publish") Instant publishingSince,
        @Schema(description = "When these figures were read from nginx-rtmp") Instant measuredAt,
        @Schema(description = "The HLS sync to S3, while it works for this channel on this node") DeliveryView delivery) {

    /** How far the channel's upload to S3 is behind nginx. */
    @Schema(name = "Delivery", example = "{\"lagSeconds\": 0.4, \"segmentsWaiting\": 0, \"segmentsUploaded\": 31, \"failures\": 0}")
    public record DeliveryView(
            @Schema(description = "Age in seconds of the oldest segment nginx cut that is not in S3 yet; 0 when none waits")
            double lagSeconds,
            @Schema(description = "Segments cut but not yet in S3") int segmentsWaiting,
            @Schema(description = "Segments uploaded since the sync started on this node") long segmentsUploaded,
            @Schema(description = "Uploads failed in a row (they are tried again until they succeed)") int failures,
            @Schema(description = "The last failure, while failing") String lastError) {

        public static DeliveryView of(HlsSync.ChannelDelivery d) {
            return new DeliveryView(Durations.seconds(d.lag()), d.waiting(), d.uploaded(), d.failures(), d.lastError());
        }
    }

    public static StreamHealthView of(HealthReport report, Optional<HlsSync.ChannelDelivery> delivery) {
        DeliveryView sync = delivery.map(DeliveryView::of).orElse(null);
        Channel channel = report.channel();
        if (report.measured().isEmpty()) {
            return new StreamHealthView(channel.id(), channel.state().name(), report.verdict().name(),
                    null, null, null, null, null, null, null, null, null, sync);
        }
        StreamHealth h = report.measured().get();
        return new StreamHealthView(channel.id(), channel.state().name(), report.verdict().name(), h.bitrate(),
                h.videoCodec(), positive(h.width()), positive(h.height()), h.frameRate() > 0 ? h.frameRate() : null,
                h.audioCodec(), positive(h.audioSampleRate()), h.publishingSince(), h.measuredAt(), sync);
    }

    private static Integer positive(int value) {
        return value > 0 ? value : null;
    }
}
