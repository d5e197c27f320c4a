package dev.onair.ingest.entity;

import dev.onair.shared.DomainException;

/**
 * Why nginx-rtmp must refuse a publish (on_publish) or end one (on_update). nginx only needs a
 * non-2xx answer; the type is for OnAir's log and for whoever calls the endpoints by hand.
 */
public class PublishRefused extends DomainException {

    private PublishRefused(Kind kind, String type, String title, String detail) {
        super(kind, type, title, detail);
    }

    public static PublishRefused keyRefused() {
        return new PublishRefused(Kind.FORBIDDEN, "stream-key-refused", "Stream key refused",
                "The stream key is unknown, wrong or no longer valid (rotated).");
    }

    public static PublishRefused accountDisabled() {
        return new PublishRefused(Kind.FORBIDDEN, "account-disabled", "Account disabled",
                "An administrator disabled the broadcaster's account.");
    }

    public static PublishRefused noOpenChannel() {
        return new PublishRefused(Kind.CONFLICT, "no-open-channel", "No open channel",
                "The broadcaster has no channel waiting for a publish: open one in the studio.");
    }

    public static PublishRefused alreadyPublishing() {
        return new PublishRefused(Kind.CONFLICT, "already-publishing", "Already publishing",
                "Someone is publishing with this stream key already.");
    }

    public static PublishRefused sessionOver(String detail) {
        return new PublishRefused(Kind.CONFLICT, "publish-ended", "This publish is over", detail);
    }

    public static PublishRefused ingestUnavailable(String detail) {
        return new PublishRefused(Kind.UNAVAILABLE, "ingest-unavailable", "Ingest cannot decide now", detail);
    }
}
