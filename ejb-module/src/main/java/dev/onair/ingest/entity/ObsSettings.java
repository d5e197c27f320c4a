package dev.onair.ingest.entity;

/**
 * The two fields OBS asks for: the RTMP server URL and the stream key. Only ever given to the
 * key's owner; {@link #toString()} masks the secret so it cannot reach a log by accident.
 */
public record ObsSettings(String serverUrl, String streamKey) {

    @Override
    public String toString() {
        int query = streamKey.indexOf('?');
        return "ObsSettings[serverUrl=" + serverUrl + ", streamKey="
                + (query < 0 ? "***" : streamKey.substring(0, query) + "?key=***") + "]";
    }
}
