package dev.onair.api.me;

import dev.onair.logins.entity.LoginAttempt;
import dev.onair.shared.Page;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of login history, newest first. */
@Schema(name = "LoginPage", example = "{\"items\": [], \"page\": 0, \"size\": 20, \"total\": 0}")
public record LoginPageView(List<LoginView> items, int page, int size, long total) {

    public static LoginPageView of(Page<LoginAttempt> page) {
        return new LoginPageView(page.items().stream().map(LoginView::of).toList(), page.page(), page.size(), page.total());
    }
}
