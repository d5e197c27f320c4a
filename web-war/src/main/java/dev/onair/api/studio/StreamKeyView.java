package dev.onair.api.studio;

import dev.onair.ingest.entity.ObsSettings;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The two fields OBS asks for under Settings, Stream, Service "Custom...". */
@Schema(name = "StreamKey")
public record StreamKeyView(
        @Schema(description = "OBS \"Server\", plain RTMP", example = "rtmp://localhost:1935/live") String serverUrl,
        @Schema(description = "OBS \"Server\" over TLS (RTMPS), recommended: the stream key does not cross the network "
                + "in the clear. Absent when RTMPS is off.", example = "rtmps://localhost:1936/live", nullable = true)
        String secureServerUrl,
        @Schema(description = "OBS \"Stream Key\": <public name>?key=<secret>. Keep it secret.",
                example = "k3v9q2m8x1c7b4n6?key=…") String streamKey) {

    static StreamKeyView of(ObsSettings settings) {
        return new StreamKeyView(settings.serverUrl(), settings.secureServerUrl(), settings.streamKey());
    }

    @Override
    public String toString() {
        return ObsSettings.class.getSimpleName() + " for " + serverUrl;
    }
}
