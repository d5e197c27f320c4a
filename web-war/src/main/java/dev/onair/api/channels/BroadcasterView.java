package dev.onair.api.channels;

import dev.onair.accounts.entity.Account;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who broadcasts a channel, as anyone may see it. */
@Schema(name = "Broadcaster", example = "{\"id\": \"0b7e7f43-5a43-4f0e-8f4e-2b8f1c1d9a10\", \"displayName\": \"김방송\", "
        + "\"avatarUrl\": \"https://k.kakaocdn.net/dn/avatar.jpg\"}")
public record BroadcasterView(String id, String displayName, String avatarUrl) {

    public static BroadcasterView of(Account account) {
        return new BroadcasterView(account.id(), account.displayName(), account.avatarUrl());
    }
}
