package dev.onair.ingest.entity;

import dev.onair.shared.DomainException.Kind;

/**
 * Why nginx-rtmp must refuse a publish (on_publish) or end one (on_update): a typed reason, and a
 * detail for people. nginx only needs a non-2xx answer; the reason's problem type is for OnAir's
 * log and for whoever calls the endpoints by hand.
 */
public record PublishRefused(Reason reason, String detail) {

    /** The reasons, each with its stable problem type, the kind of refusal it is and a title. */
    public enum Reason {
        KEY_REFUSED(Kind.FORBIDDEN, "stream-key-refused", "Stream key refused"),
        ACCOUNT_DISABLED(Kind.FORBIDDEN, "account-disabled", "Account disabled"),
        NO_OPEN_CHANNEL(Kind.CONFLICT, "no-open-channel", "No open channel"),
        ALREADY_PUBLISHING(Kind.CONFLICT, "already-publishing", "Already publishing"),
        PUBLISH_ENDED(Kind.CONFLICT, "publish-ended", "This publish is over");

        private final Kind kind;
        private final String type;
        private final String title;

        Reason(Kind kind, String type, String title) {
            this.kind = kind;
            this.type = type;
            this.title = title;
        }

        public Kind kind() {
            return kind;
        }

        public String type() {
            return type;
        }

        public String title() {
            return title;
        }
    }

    public static PublishRefused keyRefused() {
        return new PublishRefused(Reason.KEY_REFUSED, "The stream key is unknown, wrong or no longer valid (rotated).");
    }

    public static PublishRefused accountDisabled() {
        return new PublishRefused(Reason.ACCOUNT_DISABLED, "An administrator disabled the broadcaster's account.");
    }

    public static PublishRefused noOpenChannel() {
        return new PublishRefused(Reason.NO_OPEN_CHANNEL, "The broadcaster has no channel waiting for a publish: open one in the studio.");
    }

    public static PublishRefused alreadyPublishing() {
        return new PublishRefused(Reason.ALREADY_PUBLISHING, "Someone is publishing with this stream key already.");
    }

    public static PublishRefused publishOver(String detail) {
        return new PublishRefused(Reason.PUBLISH_ENDED, detail);
    }

    /** The reason's problem type. */
    public String type() {
        return reason.type();
    }
}
