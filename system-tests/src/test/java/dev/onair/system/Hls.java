package dev.onair.system;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** An HLS media playlist as the tests read it: segments with durations, discontinuities, the end tag. */
record Hls(List<Segment> segments, boolean vod, boolean ended, int discontinuities, String text) {

    record Segment(String uri, BigDecimal duration, boolean discontinuity) {
    }

    static Hls parse(String text) {
        if (!text.startsWith("#EXTM3U")) {
            throw new AssertionError("not a playlist: " + text);
        }
        List<Segment> segments = new ArrayList<>();
        BigDecimal duration = null;
        boolean discontinuity = false;
        boolean vod = false;
        boolean ended = false;
        int discontinuities = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("#EXTINF:")) {
                duration = new BigDecimal(line.substring(8, line.indexOf(',')));
            } else if (line.equals("#EXT-X-DISCONTINUITY")) {
                discontinuity = true;
                discontinuities++;
            } else if (line.equals("#EXT-X-PLAYLIST-TYPE:VOD")) {
                vod = true;
            } else if (line.equals("#EXT-X-ENDLIST")) {
                ended = true;
            } else if (!line.isBlank() && !line.startsWith("#")) {
                segments.add(new Segment(line, duration, discontinuity));
                discontinuity = false;
            }
        }
        return new Hls(List.copyOf(segments), vod, ended, discontinuities, text);
    }

    BigDecimal total() {
        return segments.stream().map(Segment::duration).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
