package dev.onair.channels.entity;

/** Why a LIVE broadcast went RECONNECTING; {@link #code()} is what the API and the journal show. */
public enum InterruptionReason {
    /** The encoder stopped publishing (nginx's on_publish_done). */
    PUBLISHER_LEFT("publisher-left"),
    /** The publisher disappeared from nginx-rtmp's statistics without a done. */
    PUBLISHER_VANISHED("publisher-vanished"),
    /** A new publish on the key found the previous one gone. */
    PUBLISHER_REPLACED("publisher-replaced"),
    /** The broadcaster rotated the stream key: the publish under the old one was dropped. */
    KEY_ROTATED("key-rotated"),
    /** nginx restarted; every publish of the old one ended. */
    INGEST_RESTARTED("ingest-restarted");

    private final String code;

    InterruptionReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
