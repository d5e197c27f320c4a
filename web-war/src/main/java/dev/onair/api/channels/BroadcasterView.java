package dev.onair.api.channels;

import dev.onair.accounts.entity.Account;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who broadcasts a channel, as anyone may see it. */
@Schema(name = "Broadcaster")
public record BroadcasterView(String id, String displayName, String avatarUrl) {

    public static BroadcasterView of(Account account) {
        return new BroadcasterView(account.id(), account.displayName(), account.avatarUrl());
    }
}
