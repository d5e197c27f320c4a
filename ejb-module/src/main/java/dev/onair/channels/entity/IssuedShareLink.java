package dev.onair.channels.entity;

import java.time.Instant;

/** A share link just made: its token (never stored, shown this once) and when. {@link #toString()} hides the token. */
public record IssuedShareLink(String channelId, String token, Instant createdAt) {

    @Override
    public String toString() {
        return "IssuedShareLink[" + channelId + ", " + createdAt + "]";
    }
}
