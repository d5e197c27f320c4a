package dev.onair.channels.entity;

import dev.onair.accounts.entity.Caller;

import java.util.Optional;

/**
 * Who asks to see a channel: a signed-in caller or nobody, and the share-link token the request
 * carried, if any. {@link #toString()} never shows the token.
 */
public record Viewer(Optional<Caller> caller, Optional<String> shareToken) {

    /** A share link's token is 43 characters; anything much longer is not one and is not hashed. */
    static final int MAX_SHARE_TOKEN = 200;

    public static final Viewer ANONYMOUS = new Viewer(Optional.empty(), Optional.empty());

    public Viewer {
        shareToken = shareToken.filter(token -> !token.isEmpty() && token.length() <= MAX_SHARE_TOKEN);
    }

    public static Viewer of(Caller caller) {
        return new Viewer(Optional.of(caller), Optional.empty());
    }

    @Override
    public String toString() {
        return "Viewer[" + caller.map(Caller::accountId).orElse("anonymous") + (shareToken.isPresent() ? ", share link" : "") + "]";
    }
}
