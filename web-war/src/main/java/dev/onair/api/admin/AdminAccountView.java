package dev.onair.api.admin;

import dev.onair.accounts.entity.Account;
import dev.onair.accounts.entity.Role;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** An account as an admin sees it after changing it. */
@Schema(name = "AdminAccount", example = "{\"id\": \"0b7e7f43-5a43-4f0e-8f4e-2b8f1c1d9a10\", \"displayName\": \"김방송\", \"createdAt\""
        + ": \"2026-11-02T09:00:00Z\", \"lastLoginAt\": \"2026-12-03T10:00:00Z\"}")
public record AdminAccountView(String id, String displayName,
                               @Schema(description = "user, and admin for administrators") List<String> roles,
                               @Schema(description = "Whether an admin disabled it") boolean disabled,
                               @Schema(description = "Since when it is disabled", nullable = true) Instant disabledAt,
                               Instant createdAt,
                               @Schema(nullable = true) Instant lastLoginAt) {

    static AdminAccountView of(Account account) {
        return new AdminAccountView(account.id(), account.displayName(),
                account.roles().stream().map(Role::group).sorted().toList(), account.disabled(), account.disabledAt(),
                account.createdAt(), account.lastLoginAt());
    }
}
