package dev.onair.api.me;

import dev.onair.logins.entity.LoginNotice;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** "Signed in from a new device or network." */
@Schema(name = "LoginNotice", example = "{\"id\": \"9d2a7c41-3b6e-4f0a-8c1d-5e2f4a6b7c80\", \"at\": \"2026-12-03T10:00:00Z\", \"pro"
        + "vider\": \"google\", \"ip\": \"203.0.113.7\", \"device\": \"Firefox on Linux\", \"newDevic"
        + "e\": true, \"newNetwork\": false}")
public record NoticeView(String id, Instant at, String provider,
                         @Schema(nullable = true) String ip,
                         @Schema(nullable = true) String device,
                         @Schema(description = "The device (browser and system) was not seen before") boolean newDevice,
                         @Schema(description = "The network (IPv4 /24, IPv6 /48) was not seen before") boolean newNetwork) {

    static NoticeView of(LoginNotice notice) {
        return new NoticeView(notice.id(), notice.createdAt(), notice.provider(), notice.ip(), notice.userAgent(),
                notice.newDevice(), notice.newNetwork());
    }
}
