package dev.onair.system;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a channel's live playlist straight from S3 as often as it can while a broadcast runs,
 * and checks each new version the moment it sees it: every segment it names must already be in
 * S3. Records what it found wrong.
 */
final class LivePlaylistAudit implements AutoCloseable {

    private final LocalS3 s3;
    private final String key;
    private final String folder;
    private final Thread thread;
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> versions = new HashSet<>();
    private final Set<String> known = new HashSet<>();
    private volatile boolean stopped;

    LivePlaylistAudit(LocalS3 s3, String channelFolder) {
        this.s3 = s3;
        this.folder = channelFolder;
        this.key = channelFolder + "live.m3u8";
        this.thread = new Thread(this::audit, "live-playlist-audit");
        thread.setDaemon(true);
        thread.start();
    }

    private void audit() {
        while (!stopped) {
            try {
                if (s3.running() && s3.head(key).isPresent()) {
                    String text = new String(s3.get(key), java.nio.charset.StandardCharsets.UTF_8);
                    if (versions.add(text)) {
                        for (Hls.Segment segment : Hls.parse(text).segments()) {
                            if (known.contains(segment.uri())) {
                                continue;
                            }
                            if (s3.head(folder + segment.uri()).isPresent()) {
                                known.add(segment.uri());
                            } else {
                                problems.add("live playlist names " + segment.uri() + " before it is in S3:\n" + text);
                            }
                        }
                    }
                }
            } catch (RuntimeException e) {
                // the store is stopped for an outage test, or a read raced an upload: look again
            }
            OnAirServer.sleep(20);
        }
    }

    /** How many different versions of the playlist the audit checked. */
    int versions() {
        return versions.size();
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    @Override
    public void close() {
        stopped = true;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
