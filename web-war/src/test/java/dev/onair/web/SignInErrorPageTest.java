package dev.onair.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignInErrorPageTest {

    @Test
    void saysWhatHappenedInTheVisitorsLanguageWithTheProblemsOwnWords() {
        String korean = SignInErrorPage.render("sign-in-cancelled", "urn:onair:problem:sign-in-cancelled",
                "Sign-in was cancelled", "The user did not consent.", Language.KO);
        assertTrue(korean.contains("<html lang=\"ko\">"), korean);
        assertTrue(korean.contains("<h1>로그인을 취소했습니다.</h1>"), korean);
        assertTrue(korean.contains("Sign-in was cancelled") && korean.contains("urn:onair:problem:sign-in-cancelled"), korean);
        assertTrue(korean.contains("href=\"/\""), "a way back");

        String english = SignInErrorPage.render("sign-in-cancelled", "urn:onair:problem:sign-in-cancelled",
                "Sign-in was cancelled", null, Language.EN);
        assertTrue(english.contains("<h1>You cancelled the sign-in.</h1>"), english);
    }

    @Test
    void anUnknownTypeStillGetsAPageAndNothingIsTakenAsHtml() {
        String page = SignInErrorPage.render("something-new", "urn:onair:problem:something-new",
                "<b>title</b>", "<script>alert(1)</script>", Language.EN);
        assertTrue(page.contains("<h1>Sign-in failed. Please start again.</h1>"), page);
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && page.contains("&lt;b&gt;title&lt;/b&gt;"), page);
        assertFalse(page.contains("<script"), "the page runs no script");
        assertTrue(SignInErrorPage.CONTENT_SECURITY_POLICY.startsWith("default-src 'none'"));
        assertFalse(SignInErrorPage.CONTENT_SECURITY_POLICY.contains("script-src"));
    }
}
