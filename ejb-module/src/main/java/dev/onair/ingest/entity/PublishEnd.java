package dev.onair.ingest.entity;

import dev.onair.channels.entity.InterruptionReason;

import java.util.Optional;

/**
 * Why a publish ended; {@link #code()} is what its row keeps. Every reason but the
 * channel's own end interrupts a LIVE broadcast ({@link #interruption()}).
 */
public enum PublishEnd {
    PUBLISHER_LEFT("publisher-left", InterruptionReason.PUBLISHER_LEFT),
    PUBLISHER_VANISHED("publisher-vanished", InterruptionReason.PUBLISHER_VANISHED),
    PUBLISHER_REPLACED("publisher-replaced", InterruptionReason.PUBLISHER_REPLACED),
    KEY_ROTATED("key-rotated", InterruptionReason.KEY_ROTATED),
    INGEST_RESTARTED("ingest-restarted", InterruptionReason.INGEST_RESTARTED),
    /** The channel ended (by its broadcaster, an admin, a timeout or a disabled account). */
    CHANNEL_ENDED("channel-ended", null);

    private final String code;
    private final InterruptionReason interruption;

    PublishEnd(String code, InterruptionReason interruption) {
        this.code = code;
        this.interruption = interruption;
    }

    public String code() {
        return code;
    }

    /** How the channel's broadcast is interrupted by it, if it is. */
    public Optional<InterruptionReason> interruption() {
        return Optional.ofNullable(interruption);
    }
}
