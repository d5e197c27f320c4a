package dev.onair.delivery.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MediaPlaylistsTest {

    /** What nginx-rtmp 1.2.2 wrote after two publishes of one name (hls_continuous on), as seen on this machine. */
    static final String NGINX = """
            #EXTM3U
            #EXT-X-VERSION:3
            #EXT-X-MEDIA-SEQUENCE:0
            #EXT-X-TARGETDURATION:2
            #EXT-X-DISCONTINUITY
            #EXTINF:2.000,
            0.ts
            #EXTINF:2.000,
            1.ts
            #EXTINF:0.680,
            3.ts
            #EXT-X-DISCONTINUITY
            #EXTINF:2.000,
            4.ts
            #EXTINF:2.042,
            5.ts
            """;

    @Test
    void nginxsPlaylistGivesNumbersDurationsAndPublishes() {
        NginxPlaylist playlist = NginxPlaylist.parse(NGINX);
        assertEquals(List.of(
                new NginxPlaylist.Entry(0, Duration.ofMillis(2000), 0),
                new NginxPlaylist.Entry(1, Duration.ofMillis(2000), 0),
                new NginxPlaylist.Entry(3, Duration.ofMillis(680), 0),
                new NginxPlaylist.Entry(4, Duration.ofMillis(2000), 1),
                new NginxPlaylist.Entry(5, Duration.ofMillis(2042), 1)), playlist.entries());
        assertEquals(2, playlist.runs());
    }

    @Test
    void entriesWhoseDiscontinuitySlidOutOfTheWindowAreAPublishOfTheirOwn() {
        NginxPlaylist playlist = NginxPlaylist.parse("#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:2\n#EXTINF:2.0,\n2.ts\n#EXTINF:0.5,\n3.ts\n"
                + "#EXT-X-DISCONTINUITY\n#EXTINF:2.0,\n4.ts\n");
        assertEquals(2, playlist.runs());
        assertEquals(0, playlist.entries().get(1).run());
        assertEquals(1, playlist.entries().get(2).run());
    }

    @Test
    void aPlaylistWithoutDiscontinuityIsOnePublish() {
        NginxPlaylist playlist = NginxPlaylist.parse("#EXTM3U\n#EXTINF:2.0,\n7.ts\n#EXTINF:1.5,\n8.ts\n");
        assertEquals(1, playlist.runs());
        assertEquals(0, playlist.entries().get(1).run());
    }

    @Test
    void whatNginxNeverWritesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> NginxPlaylist.parse("not a playlist"));
        assertThrows(IllegalArgumentException.class, () -> NginxPlaylist.parse("#EXTM3U\n#EXTINF:2.0,\n../../etc/passwd\n"));
        assertThrows(IllegalArgumentException.class, () -> NginxPlaylist.parse("#EXTM3U\n7.ts\n"));
        assertEquals(0, NginxPlaylist.parse("#EXTM3U\n").entries().size());
    }

    @Test
    void theReplayIsVodWithEveryDiscontinuityBetweenPublishesAndAnEnd() {
        String vod = MediaPlaylists.vod(List.of(
                new MediaPlaylists.Item("s1/0.ts", Duration.ofMillis(2000), false),
                new MediaPlaylists.Item("s1/1.ts", Duration.ofMillis(680), false),
                new MediaPlaylists.Item("s2/4.ts", Duration.ofMillis(2600), true)));
        assertEquals("""
                #EXTM3U
                #EXT-X-VERSION:3
                #EXT-X-TARGETDURATION:3
                #EXT-X-PLAYLIST-TYPE:VOD
                #EXT-X-MEDIA-SEQUENCE:0
                #EXTINF:2.000,
                s1/0.ts
                #EXTINF:0.680,
                s1/1.ts
                #EXT-X-DISCONTINUITY
                #EXTINF:2.600,
                s2/4.ts
                #EXT-X-ENDLIST
                """, vod);
    }

    @Test
    void theLivePlaylistSlidesWithSequenceNumbersAndNeverStartsWithADiscontinuityTag() {
        String live = MediaPlaylists.live(List.of(
                new MediaPlaylists.Item("s2/4.ts", Duration.ofMillis(2000), true),
                new MediaPlaylists.Item("s2/5.ts", Duration.ofMillis(2000), false)), 12, 1, false);
        assertEquals("""
                #EXTM3U
                #EXT-X-VERSION:3
                #EXT-X-TARGETDURATION:2
                #EXT-X-MEDIA-SEQUENCE:12
                #EXT-X-DISCONTINUITY-SEQUENCE:1
                #EXTINF:2.000,
                s2/4.ts
                #EXTINF:2.000,
                s2/5.ts
                """, live);
        String ended = MediaPlaylists.live(List.of(new MediaPlaylists.Item("s2/5.ts", Duration.ofMillis(2000), false)), 13, 1, true);
        assertEquals(true, ended.endsWith("s2/5.ts\n#EXT-X-ENDLIST\n"));
    }
}
