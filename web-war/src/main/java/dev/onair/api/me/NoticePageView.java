package dev.onair.api.me;

import dev.onair.logins.entity.LoginNotice;
import dev.onair.shared.Page;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of login notices, newest first. */
@Schema(name = "LoginNoticePage", example = "{\"items\": [], \"page\": 0, \"size\": 20, \"total\": 0}")
public record NoticePageView(List<NoticeView> items, int page, int size, long total) {

    static NoticePageView of(Page<LoginNotice> page) {
        return new NoticePageView(page.items().stream().map(NoticeView::of).toList(), page.page(), page.size(), page.total());
    }
}
