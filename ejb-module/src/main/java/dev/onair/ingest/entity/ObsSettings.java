package dev.onair.ingest.entity;

/**
 * The two fields OBS asks for: the RTMP server URL (plain, and over TLS when RTMPS is on, which
 * keeps the key off the network in the clear) and the stream key. Only ever given to the key's
 * owner; {@link #toString()} masks the secret so it cannot reach a log by accident.
 */
public record ObsSettings(String serverUrl, String secureServerUrl, String streamKey) {

    @Override
    public String toString() {
        int query = streamKey.indexOf('?');
        return "ObsSettings[serverUrl=" + serverUrl + ", secureServerUrl=" + secureServerUrl + ", streamKey="
                + (query < 0 ? "***" : streamKey.substring(0, query) + "?key=***") + "]";
    }
}
