package dev.onair.ingest.entity;

import java.time.Instant;

/**
 * A live stream's condition as the watchdog last measured it from nginx-rtmp's statistics.
 *
 * @param bitrate   inbound bits per second since the previous reading
 * @param verdict   HEALTHY, or STARVING when no data arrived since the previous reading or the
 *                  bitrate collapsed below a share of its own recent peak
 */
public record StreamHealth(String channelId, String publishId, Verdict verdict, long bitrate, String videoCodec,
                           int width, int height, double frameRate, String audioCodec, int audioSampleRate,
                           Instant publishingSince, Instant measuredAt) {

    public enum Verdict { HEALTHY, STARVING }
}
