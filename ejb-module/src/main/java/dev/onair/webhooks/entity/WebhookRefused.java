package dev.onair.webhooks.entity;

import dev.onair.shared.DomainException;

/** Why a webhook operation was refused: each with its stable problem type. */
public class WebhookRefused extends DomainException {

    private WebhookRefused(Kind kind, String type, String title, String detail) {
        super(kind, type, title, detail);
    }

    /** No such subscription, or not the caller's (the same answer: ids of others' are not confirmed). */
    public static WebhookRefused unknown() {
        return new WebhookRefused(Kind.NOT_FOUND, "not-found", "Not found", "No such webhook subscription.");
    }

    public static WebhookRefused unknownDelivery() {
        return new WebhookRefused(Kind.NOT_FOUND, "not-found", "Not found", "No such delivery of this subscription.");
    }

    public static WebhookRefused tooMany(int max) {
        return new WebhookRefused(Kind.CONFLICT, "too-many-webhooks", "Too many webhook subscriptions",
                "An account may have at most " + max + " webhook subscriptions; delete one first.");
    }

    public static WebhookRefused notDead() {
        return new WebhookRefused(Kind.CONFLICT, "not-a-dead-letter", "Not a dead letter",
                "Only a delivery that was given up on (DEAD) can be sent again; this one is pending or delivered.");
    }
}
