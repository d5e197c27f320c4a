package dev.onair.api.me;

import dev.onair.logins.entity.LoginNotice;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** "Signed in from a new device or network." */
@Schema(name = "LoginNotice")
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
