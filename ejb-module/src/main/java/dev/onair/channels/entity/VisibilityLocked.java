package dev.onair.channels.entity;

import dev.onair.shared.DomainException;
import dev.onair.shared.FieldError;

import java.util.List;
import java.util.Map;

/**
 * A channel's visibility cannot change once it has gone live: its recording is delivered under
 * the visibility it went live with (private channels under the CDN's signed-only path).
 */
public class VisibilityLocked extends DomainException {

    public VisibilityLocked(Visibility current) {
        super(Kind.CONFLICT, "visibility-locked", "Visibility is fixed once live",
                "the channel went live as " + current + "; its recording is delivered as such. Open a new channel to "
                        + "broadcast with another visibility.");
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("errors", List.of(new FieldError("visibility", "is fixed once the channel has gone live")));
    }
}
