package dev.onair.delivery.control;

import dev.onair.delivery.entity.Segment;
import dev.onair.shared.Durations;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The HLS playlists OnAir writes to S3 (RFC 8216): the sliding live playlist of a channel and
 * the VOD playlist of its replay. Segment URIs are relative to the channel's folder
 * ({@code <publish>/<number>.ts}), so one text serves any CDN domain and signature.
 */
public final class MediaPlaylists {

    /** A segment as a playlist names it. */
    public record Item(String uri, Duration duration, boolean discontinuity) {
    }

    private MediaPlaylists() {
    }

    /** A recorded segment as a playlist in its channel's folder names it. */
    public static Item item(Segment segment) {
        return new Item(ObjectKeys.segmentUri(segment.publishId(), segment.number()), segment.duration(), segment.discontinuity());
    }

    /**
     * The live playlist: {@code items} are the newest uploaded segments of the channel, in order;
     * {@code mediaSequence} is the recording position of the first, {@code discontinuitySequence}
     * the number of discontinuities of the recording up to and including the first (whose own
     * tag a window never starts with), so that players keep their place as the window slides;
     * {@code ended} closes it with {@code #EXT-X-ENDLIST} once the broadcast is over.
     */
    public static String live(List<Item> items, long mediaSequence, long discontinuitySequence, boolean ended) {
        StringBuilder text = header(items);
        text.append("#EXT-X-MEDIA-SEQUENCE:").append(mediaSequence).append('\n');
        if (discontinuitySequence > 0) {
            text.append("#EXT-X-DISCONTINUITY-SEQUENCE:").append(discontinuitySequence).append('\n');
        }
        appendItems(text, items);
        if (ended) {
            text.append("#EXT-X-ENDLIST\n");
        }
        return text.toString();
    }

    /** The replay: every segment, {@code #EXT-X-PLAYLIST-TYPE:VOD} and {@code #EXT-X-ENDLIST}. */
    public static String vod(List<Item> items) {
        StringBuilder text = header(items);
        text.append("#EXT-X-PLAYLIST-TYPE:VOD\n")
            .append("#EXT-X-MEDIA-SEQUENCE:0\n");
        appendItems(text, items);
        text.append("#EXT-X-ENDLIST\n");
        return text.toString();
    }

    private static StringBuilder header(List<Item> items) {
        long target = 1;
        for (Item item : items) {
            // EXT-X-TARGETDURATION: every EXTINF rounded to the nearest integer must not exceed it.
            target = Math.max(target, Math.round(Durations.seconds(item.duration())));
        }
        return new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:").append(target).append('\n');
    }

    private static void appendItems(StringBuilder text, List<Item> items) {
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (item.discontinuity() && i > 0) {
                text.append("#EXT-X-DISCONTINUITY\n");
            }
            text.append("#EXTINF:").append(String.format(Locale.ROOT, "%.3f", Durations.seconds(item.duration()))).append(",\n")
                .append(item.uri()).append('\n');
        }
    }
}
