package dev.onair.api.me;

import dev.onair.accounts.entity.Account;
import dev.onair.accounts.entity.Role;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** The signed-in person's own account. */
@Schema(name = "Me", example = "{\"id\": \"0b7e7f43-5a43-4f0e-8f4e-2b8f1c1d9a10\", \"displayName\": \"김방송\", \"createdAt\""
        + ": \"2026-11-02T09:00:00Z\", \"lastLoginAt\": \"2026-12-03T10:00:00Z\"}")
public record AccountView(String id, String displayName,
                          @Schema(nullable = true) String avatarUrl,
                          @Schema(description = "Only a provider-verified address", nullable = true) String email,
                          @Schema(description = "user, and admin for administrators") List<String> roles,
                          Instant createdAt,
                          @Schema(nullable = true) Instant lastLoginAt) {

    static AccountView of(Account account) {
        return new AccountView(account.id(), account.displayName(), account.avatarUrl(), account.email(),
                account.roles().stream().map(Role::group).sorted().toList(), account.createdAt(), account.lastLoginAt());
    }
}
