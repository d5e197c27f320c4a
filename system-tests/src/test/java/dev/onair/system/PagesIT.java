package dev.onair.system;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages in Debian's headless Chromium against the assembled server with the real pieces:
 * sign-in through the OAuth test server, the studio with ffmpeg as OBS, a second browser watching
 * live and then the replay. Screenshots of every page visited land in target/screenshots.
 */
class PagesIT {

    private static final Duration SHORT = Duration.ofSeconds(20);
    private static final Duration LONG = Duration.ofSeconds(60);

    private final Api api = new Api();

    @Test
    @SuppressWarnings("try") // the publisher is on air for the whole block
    void aBroadcasterGoesOnAirFromTheStudioAndAViewerWatchesLiveThenTheReplay(TestInfo test) {
        String subject = "pages-" + UUID.randomUUID();
        String name = "김방송 " + subject.substring(6, 12);
        String title = "첫 방송 🎥 " + subject.substring(6, 14);
        try (Chromium studio = Chromium.korean(folder(test), "broadcaster");
             Chromium viewer = Chromium.korean(folder(test), "viewer")) {
            // Signed out, the studio offers the providers' buttons; Google's brings the broadcaster back here.
            studio.open("/studio");
            WebElement google = studio.visible("#studio-signin a.signin-button.google", SHORT);
            assertEquals("Google로 로그인", google.getText());
            assertEquals("카카오 로그인", studio.find("#studio-signin a.signin-button.kakao").getText());
            studio.screenshot("studio-signed-out");
            TestProviders.get().nextGoogleUser(subject, Map.of("name", name, "email", subject + "@gmail.test",
                    "email_verified", true));
            google.click();
            studio.until(d -> d.getCurrentUrl().endsWith("/studio"), SHORT);
            studio.awaitShell();
            assertEquals(name, studio.visible(".me-link .name", SHORT).getText());
            studio.visible("#new-channel", SHORT);
            studio.screenshot("studio-new-channel");

            studio.find("#new-title").sendKeys(title);
            studio.find("#new-submit").click();
            studio.visible("#channel-panel", SHORT);
            String channelId = studio.until(d -> nonEmpty(studio.find("#watch-link").getDomAttribute("href")), SHORT)
                    .substring("/channels/".length());
            // a reload returns to the unfinished channel, not to the form
            studio.driver().navigate().refresh();
            studio.awaitShell();
            studio.visible("#channel-panel", SHORT);
            assertEquals("/channels/" + channelId, studio.find("#watch-link").getDomAttribute("href"));
            String server = studio.until(d -> nonEmpty(studio.find("#obs-server").getDomProperty("value")), SHORT);
            WebElement key = studio.find("#obs-key");
            assertEquals("password", key.getDomProperty("type"), "the key is hidden until revealed");
            studio.find("#reveal-key").click();
            assertEquals("text", key.getDomProperty("type"));
            String firstKey = key.getDomProperty("value");
            // rotation asks first: cancelled, the key stays; confirmed, it changes
            studio.find("#rotate-key").click();
            studio.visible("#confirm-dialog", SHORT);
            studio.find("#confirm-cancel").click();
            assertEquals(firstKey, key.getDomProperty("value"));
            studio.find("#rotate-key").click();
            studio.visible("#confirm-dialog", SHORT);
            studio.find("#confirm-ok").click();
            String streamKey = studio.until(d -> {
                String now = key.getDomProperty("value");
                return now.equals(firstKey) ? null : now;
            }, SHORT);
            assertEquals(OnAirServer.rtmpUrl(), server);
            assertEquals("방송 대기", studio.find("#status-badge").getText());
            studio.screenshot("studio-waiting");

            // the viewer's home is open before the broadcast starts: the channel appears without a reload
            viewer.open("/");
            viewer.script("window.sameDocument = true;");

            try (Publisher publisher = Publisher.start(server, streamKey)) {
                studio.until(d -> "LIVE".equals(studio.find("#status-badge").getText()), LONG);
                String figures = studio.until(d -> {
                    String text = studio.find("#figures").getText();
                    return text.contains("1280×720") && text.contains("fps") && text.contains("bps") ? text : null;
                }, LONG);
                assertTrue(figures.contains("H264"), figures);
                awaitPlaying(studio, "#preview");
                studio.screenshot("studio-live");

                WebElement card = viewer.until(d -> cardTitled(viewer, "#live-list", title), LONG);
                assertEquals(Boolean.TRUE, viewer.script("return window.sameDocument === true;"), "no reload");
                assertEquals("LIVE", card.findElement(By.cssSelector(".badge.live")).getText());
                assertTrue(card.findElement(By.cssSelector(".card-broadcaster")).getText().contains(name));
                assertTrue(card.findElement(By.cssSelector(".live-for")).getText().endsWith("째 방송 중"));
                viewer.screenshot("home-live");
                card.findElement(By.cssSelector("a")).click();
                viewer.until(d -> d.getCurrentUrl().endsWith("/channels/" + channelId), SHORT);
                awaitPlaying(viewer, "#player");
                assertEquals(title, viewer.find("#title").getText());
                assertEquals("LIVE", viewer.find("#state-badge").getText());
                viewer.screenshot("channel-live");

                // OBS drops and comes back within the reconnect window: both pages say so without a
                // reload, then the same broadcast is LIVE again and the viewer's player plays on
                publisher.stop();
                studio.until(d -> "재연결 중".equals(studio.find("#status-badge").getText()) ? true : null, SHORT);
                assertEquals("인코더 연결이 끊겼습니다. 다시 연결되기를 기다리는 중입니다...", studio.find("#status-text").getText());
                assertFalse(studio.find("#figures").isDisplayed(), "no figures while nothing publishes");
                viewer.until(d -> "재연결 중".equals(viewer.find("#state-badge").getText()) ? true : null, SHORT);
                assertEquals("방송자가 다시 연결하는 중입니다...", viewer.find("#stage-text").getText());
                studio.screenshot("studio-reconnecting");
                viewer.screenshot("channel-reconnecting");
            }
            try (Publisher publisher = Publisher.start(server, streamKey)) {
                studio.until(d -> "LIVE".equals(studio.find("#status-badge").getText()), LONG);
                studio.until(d -> studio.find("#figures").getText().contains("1280×720") ? true : null, LONG);
                viewer.until(d -> "LIVE".equals(viewer.find("#state-badge").getText()) ? true : null, LONG);
                awaitPlaying(viewer, "#player");
                assertFalse(viewer.find("#stage-message").isDisplayed(), "no notice over a playing stream");

                // a new title from the studio reaches the viewer's page while it plays; the studio's
                // polls leave an edit not saved yet alone, also once the field has lost the focus
                String retitled = title + " (2부)";
                WebElement titleField = studio.find("#edit-title");
                titleField.clear();
                titleField.sendKeys(retitled);
                studio.script("document.activeElement.blur();");
                String figures = studio.find("#figures").getText();
                studio.until(d -> figures.equals(studio.find("#figures").getText()) ? null : true, SHORT);
                assertEquals(retitled, titleField.getDomProperty("value"), "the poll kept the unsaved edit");
                studio.find("#title-form button[type=submit]").click();
                studio.until(d -> "저장했습니다.".equals(studio.find("#title-status").getText()) ? true : null, SHORT);
                assertEquals(retitled, titleField.getDomProperty("value"));
                viewer.until(d -> retitled.equals(viewer.find("#title").getText()) ? true : null, SHORT);

                studio.find("#end-broadcast").click();
                studio.visible("#confirm-dialog", SHORT);
                studio.screenshot("studio-end-confirmation");
                studio.find("#confirm-ok").click();
                studio.visible("#ended-panel", SHORT);
                assertEquals("스튜디오에서 종료했습니다.", studio.find("#ended-reason").getText());
                studio.screenshot("studio-ended");
            }

            // The viewer's page follows the end by itself, then the replay plays from its start with a seek bar.
            viewer.until(d -> "종료".equals(viewer.find("#state-badge").getText()), LONG);
            Broadcast broadcast = new Broadcast(api, null, channelId, server, streamKey);
            JsonObject replay = broadcast.awaitReplay(null, LONG);
            viewer.open("/channels/" + channelId);
            double first = viewer.until(d -> {
                double t = viewer.currentTime("#player");
                return t > 0 ? t : null;
            }, LONG);
            assertTrue(first < 3, "the replay starts at its beginning, not at " + first);
            awaitPlaying(viewer, "#player");
            double duration = ((Number) viewer.script("return document.querySelector('#player').duration;")).doubleValue();
            assertEquals(replay.getJsonNumber("durationSeconds").doubleValue(), duration, 1.0, "a VOD of the whole broadcast");
            assertEquals(Boolean.TRUE, viewer.script("return document.querySelector('#player').controls;"));
            viewer.screenshot("channel-replay");
            // the seek bar works: jump near the end and play on from there
            viewer.script("document.querySelector('#player').currentTime = arguments[0];", duration - 4);
            viewer.until(d -> viewer.currentTime("#player") > duration - 4.5 ? true : null, SHORT);
            viewer.screenshot("channel-replay-seeked");
            assertFalse(viewer.console().contains("Content Security Policy"), viewer.console());
        }
    }

    @Test
    @SuppressWarnings("try") // the publisher is on air for the whole block
    void aTitleMadeOfHtmlIsShownAsTextEverywhere(TestInfo test) {
        String title = "<img src=x onerror=alert(1)> " + UUID.randomUUID().toString().substring(0, 6);
        Broadcast broadcast = Broadcast.open(api, title);
        try (Publisher publisher = broadcast.publish(); Chromium viewer = Chromium.korean(folder(test), "viewer")) {
            broadcast.awaitState("LIVE", LONG);
            viewer.open("/");
            WebElement card = viewer.until(d -> cardTitled(viewer, "#live-list", title), LONG);
            assertEquals(title, card.findElement(By.cssSelector(".card-title")).getText());
            assertTrue(viewer.findAll("img[src='x']").isEmpty());
            viewer.screenshot("home");
            viewer.open("/channels/" + broadcast.channelId());
            viewer.until(d -> title.equals(viewer.find("#title").getText()), SHORT);
            assertEquals(title + " · OnAir", viewer.driver().getTitle());
            assertTrue(viewer.findAll("img[src='x']").isEmpty());
            assertThrows(NoAlertPresentException.class, () -> viewer.driver().switchTo().alert());
            viewer.screenshot("channel");
        } finally {
            broadcast.end();
        }
    }

    @Test
    @SuppressWarnings("try") // the publisher is on air for the whole block
    void aPrivateChannelIsHiddenFromStrangersAndPlaysSignedForAnAllowedViewerAndAShareLinksHolder(TestInfo test) {
        Broadcast broadcast = Broadcast.open(api, "비공개 리허설 " + UUID.randomUUID().toString().substring(0, 6), "PRIVATE");
        String channel = "/api/channels/" + broadcast.channelId();
        String subject = "viewer-" + UUID.randomUUID();
        String viewerAccount = SignIns.google(new Browser(), subject, Map.of("name", "시청자")).accountId();
        assertEquals(200, api.post(channel + "/viewers", broadcast.broadcaster().token(),
                "{\"accountId\":\"" + viewerAccount + "\"}").status());
        String shareUrl = api.post(channel + "/share-link", broadcast.broadcaster().token(), null).json().getString("url");
        try (Publisher publisher = broadcast.publish(); Chromium viewer = Chromium.korean(folder(test), "viewer");
             Chromium holder = Chromium.korean(folder(test), "share-link-holder")) {
            broadcast.awaitState("LIVE", LONG);
            viewer.open("/channels/" + broadcast.channelId());
            viewer.until(d -> "없는 방송이거나 비공개 방송입니다. 공유받은 방송이라면 로그인하세요.".equals(viewer.find("#stage-text").getText()), SHORT);
            assertEquals("", viewer.find("#title").getText(), "a stranger does not even see its title");
            WebElement google = viewer.visible("#stage-signin a.signin-button.google", SHORT);
            assertEquals("", viewer.script("return document.querySelector('#player').currentSrc;"), "nothing to play without signing in");
            viewer.screenshot("channel-private-anonymous");

            TestProviders.get().nextGoogleUser(subject, Map.of("name", "시청자"));
            google.click();
            viewer.until(d -> d.getCurrentUrl().endsWith("/channels/" + broadcast.channelId()), SHORT);
            awaitPlaying(viewer, "#player");
            assertSignedRequestsOnly(viewer);
            viewer.screenshot("channel-private-allowed-viewer");

            // the share link's holder watches without an account
            holder.open(shareUrl.substring(shareUrl.indexOf("/channels/")));
            awaitPlaying(holder, "#player");
            assertSignedRequestsOnly(holder);
            holder.screenshot("channel-private-share-link");
        } finally {
            broadcast.end();
        }
    }

    @Test
    void theStudioSharesAPrivateChannelByLinkAndByAccount(TestInfo test) {
        String subject = "sharer-" + UUID.randomUUID();
        String title = "비공개 공유 " + subject.substring(7, 13);
        String friendSubject = "friend-" + UUID.randomUUID();
        try (Chromium studio = Chromium.english(folder(test), "broadcaster");
             Chromium friend = Chromium.english(folder(test), "friend");
             Chromium holder = Chromium.english(folder(test), "link-holder")) {
            // the friend signs in once, and reads the account id My page shows
            friend.open("/me");
            TestProviders.get().nextGoogleUser(friendSubject, Map.of("name", "Friend"));
            friend.visible("#me-signin a.signin-button.google", SHORT).click();
            String friendId = friend.until(d -> nonEmpty(friend.visible("#account-id", SHORT).getText()), SHORT);
            friend.screenshot("my-page-account-id");

            studio.open("/studio");
            TestProviders.get().nextGoogleUser(subject, Map.of("name", "Sharer"));
            studio.visible("#studio-signin a.signin-button.google", SHORT).click();
            studio.visible("#new-title", SHORT).sendKeys(title);
            studio.find("input[name=visibility][value=PRIVATE]").click();
            studio.find("#new-submit").click();
            studio.visible("#private-access", SHORT);
            String channel = studio.until(d -> nonEmpty(studio.find("#watch-link").getDomAttribute("href")), SHORT);
            assertEquals("No account is allowed yet.", studio.visible("#viewers li", SHORT).getText());

            friend.openAt(OnAirServer.get().http(channel).toString());
            friend.until(d -> "There is no such channel, or it is private and not shared with you."
                    .equals(friend.find("#stage-text").getText()) ? true : null, SHORT);

            studio.find("#viewer-accountId").sendKeys("not-an-account");
            studio.find("#viewer-form button[type=submit]").click();
            assertEquals("That is not an account id.", studio.visible("#viewer-accountId-error", SHORT).getText());
            studio.find("#viewer-accountId").clear();
            studio.find("#viewer-accountId").sendKeys(friendId);
            studio.find("#viewer-form button[type=submit]").click();
            studio.until(d -> studio.find("#viewers").getText().contains("Friend") ? true : null, SHORT);

            studio.find("#share-make").click();
            String link = studio.until(d -> nonEmpty(studio.find("#share-url").getDomProperty("value")), SHORT);
            assertTrue(link.contains(channel + "?share="), link);
            studio.screenshot("studio-who-may-watch");

            friend.openAt(OnAirServer.get().http(channel).toString());
            friend.until(d -> title.equals(friend.find("#title").getText()) ? true : null, SHORT);
            holder.openAt(link);
            holder.until(d -> title.equals(holder.find("#title").getText()) ? true : null, SHORT);
            holder.screenshot("channel-by-share-link");

            // withdrawn: the link and the account see nothing any more
            studio.find("#share-withdraw").click();
            studio.until(d -> "No share link: only the accounts below can watch.".equals(studio.find("#share-status").getText())
                    ? true : null, SHORT);
            studio.find("#viewers button").click();
            studio.until(d -> "No account is allowed yet.".equals(studio.find("#viewers li").getText()) ? true : null, SHORT);
            holder.openAt(link);
            holder.until(d -> holder.find("#stage-text").getText().startsWith("There is no such channel") ? true : null, SHORT);
            friend.openAt(OnAirServer.get().http(channel).toString());
            friend.until(d -> "There is no such channel, or it is private and not shared with you."
                    .equals(friend.find("#stage-text").getText()) ? true : null, SHORT);
            assertEquals(List.of(), unnamedControls(studio), "the studio with its sharing controls");
        }
    }

    /** Every playlist and segment request of the private channel carried its CloudFront signature. */
    private static void assertSignedRequestsOnly(Chromium browser) {
        Map<String, Object> requests = browser.script("""
                const cdn = performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/private/channels/'));
                return {all: cdn.length, signed: cdn.filter(n => /[?&]Signature=/.test(n) && /[?&]Policy=/.test(n)).length,
                        segments: cdn.filter(n => n.includes('.ts')).length};""");
        assertTrue(((Number) requests.get("segments")).intValue() > 0, requests.toString());
        assertEquals(requests.get("all"), requests.get("signed"), requests.toString());
    }

    @Test
    void myPageListsEverySignInWithPaging(TestInfo test) {
        String subject = "history-" + UUID.randomUUID();
        Map<String, Object> claims = Map.of("name", "기록 확인", "email", subject + "@gmail.test", "email_verified", true);
        try (Chromium browser = Chromium.korean(folder(test), "person")) {
            browser.open("/me");
            browser.visible("#me-signin a.signin-button.google", SHORT);
            browser.screenshot("me-signed-out");
            TestProviders.get().nextGoogleUser(subject, claims);
            browser.find("#me-signin a.signin-button.google").click();
            browser.until(d -> d.getCurrentUrl().endsWith("/me"), SHORT);
            browser.until(d -> browser.findAll("#logins-body tr").size() == 1 ? true : null, SHORT);

            // sign out, then in again from the header's dialog, with the keyboard
            browser.find("#signout").click();
            WebElement signIn = browser.visible("#signin-open", SHORT);
            signIn.sendKeys(org.openqa.selenium.Keys.ENTER);
            browser.visible("#signin-dialog a.signin-button.google", SHORT);
            browser.screenshot("sign-in-dialog");
            TestProviders.get().nextGoogleUser(subject, claims);
            browser.find("#signin-dialog a.signin-button.google").sendKeys(org.openqa.selenium.Keys.ENTER);
            browser.until(d -> browser.findAll("#logins-body tr").size() == 2 ? true : null, SHORT);
            for (WebElement row : browser.findAll("#logins-body tr")) {
                String text = row.getText();
                assertTrue(text.contains("Google") && text.contains("성공") && text.contains("127.0.0.1")
                        && text.contains("Headless Chrome · Linux"), text);
            }
            assertEquals("1 / 1 페이지 · 모두 2건", browser.find("#page-info").getText());
            browser.screenshot("me-two-sign-ins");

            // nothing of the session is in web storage, and the refresh cookie is out of the scripts' reach
            assertEquals(0L, (Long) browser.script("return localStorage.length + sessionStorage.length;"));
            assertFalse(((String) browser.script("return document.cookie;")).contains("onair_refresh"));

            // 20 more sign-ins elsewhere make two pages
            for (int i = 0; i < 20; i++) {
                SignIns.google(new Browser(), subject, claims);
            }
            browser.open("/me");
            browser.until(d -> "1 / 2 페이지 · 모두 22건".equals(browser.find("#page-info").getText()) ? true : null, SHORT);
            assertEquals(20, browser.findAll("#logins-body tr").size());
            assertTrue(browser.find("#page-previous").getDomProperty("disabled").equals("true"));
            browser.find("#page-next").click();
            browser.until(d -> "2 / 2 페이지 · 모두 22건".equals(browser.find("#page-info").getText()) ? true : null, SHORT);
            assertEquals(2, browser.findAll("#logins-body tr").size());
            browser.screenshot("me-page-two");
        }
    }

    @Test
    void theStudioWorksWithTheKeyboardAloneAndEveryControlHasAName(TestInfo test) {
        String subject = "keys-" + UUID.randomUUID();
        String title = "키보드 방송 " + subject.substring(5, 11);
        try (Chromium browser = Chromium.korean(folder(test), "broadcaster")) {
            browser.open("/studio");
            assertEquals(List.of(), unnamedControls(browser), "signed out");
            TestProviders.get().nextGoogleUser(subject, Map.of("name", "키보드 사용자"));
            tabTo(browser, "#studio-signin a.signin-button.google").sendKeys(Keys.ENTER);
            browser.until(d -> d.getCurrentUrl().endsWith("/studio"), SHORT);
            browser.awaitShell();
            browser.visible("#new-channel", SHORT);
            assertEquals(List.of(), unnamedControls(browser), "the new-channel form");

            // the form: the title field, then Enter opens the channel, and the focus goes on from its status
            tabTo(browser, "#new-title").sendKeys(title, Keys.ENTER);
            browser.visible("#channel-panel", SHORT);
            assertEquals("status-heading", activeId(browser), "the focus follows the form into the channel");
            browser.until(d -> !browser.find("#obs-key").getDomProperty("value").isEmpty() ? true : null, SHORT);
            assertEquals(List.of(), unnamedControls(browser), "the channel panel");
            WebElement key = browser.find("#obs-key");
            String firstKey = key.getDomProperty("value");

            // Space on the reveal button shows the key, and the button says it is pressed
            tabTo(browser, "#reveal-key").sendKeys(Keys.SPACE);
            assertEquals("text", key.getDomProperty("type"));
            assertEquals("true", browser.find("#reveal-key").getDomAttribute("aria-pressed"));
            String outline = browser.script("return getComputedStyle(document.activeElement).outlineStyle;");
            assertEquals("solid", outline, "the focused button shows its focus");

            // rotation: the dialog takes the focus on its safe choice; Escape cancels and gives the
            // focus back; Tab then Enter confirms
            WebElement rotate = tabTo(browser, "#rotate-key");
            rotate.sendKeys(Keys.ENTER);
            browser.visible("#confirm-dialog", SHORT);
            assertEquals("confirm-cancel", activeId(browser));
            browser.screenshot("rotate-confirmation");
            new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
            browser.until(d -> browser.find("#confirm-dialog").isDisplayed() ? null : true, SHORT);
            assertEquals("rotate-key", activeId(browser), "the focus returns to the button that asked");
            assertEquals(firstKey, key.getDomProperty("value"));
            rotate.sendKeys(Keys.ENTER);
            browser.visible("#confirm-dialog", SHORT);
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            assertEquals("confirm-ok", activeId(browser));
            new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
            browser.until(d -> firstKey.equals(key.getDomProperty("value")) ? null : true, SHORT);

            // the title: edit it, Enter saves
            WebElement edit = tabTo(browser, "#edit-title");
            edit.sendKeys(Keys.END, " 2");
            edit.sendKeys(Keys.ENTER);
            browser.until(d -> "저장했습니다.".equals(browser.find("#title-status").getText()) ? true : null, SHORT);
            assertEquals(title + " 2", api.get(browser.find("#watch-link").getDomAttribute("href")
                    .replaceFirst("^/channels/", "/api/channels/"), null).json().getString("title"));

            // the end: Enter asks, Tab then Enter confirms, and the focus goes on from the ended view
            tabTo(browser, "#end-broadcast").sendKeys(Keys.ENTER);
            browser.visible("#confirm-dialog", SHORT);
            new Actions(browser.driver()).sendKeys(Keys.TAB, Keys.ENTER).perform();
            browser.visible("#ended-panel", SHORT);
            browser.until(d -> "ended-heading".equals(activeId(browser)) ? true : null, SHORT);
            assertEquals(List.of(), unnamedControls(browser), "the ended panel");
            browser.screenshot("studio-ended");
            tabTo(browser, "#ended-new").sendKeys(Keys.ENTER);
            browser.visible("#new-channel", SHORT);
            assertEquals("new-title", activeId(browser), "the form's first field has the focus");
        }
    }

    @Test
    void aSignInCancelledAtKakaoEndsOnAPageInTheVisitorsLanguage(TestInfo test) {
        try (Chromium browser = Chromium.korean(folder(test), "person")) {
            browser.open("/studio");
            String login = browser.visible("#studio-signin a.signin-button.kakao", SHORT).getDomAttribute("href");
            // at Kakao's consent screen the person says no (the test provider's deny=1)
            browser.driver().get(OnAirServer.get().http(login).toString());
            String consent = browser.until(d -> d.getCurrentUrl().contains("/oauth/authorize") ? d.getCurrentUrl() : null, SHORT);
            browser.driver().get(consent + "&deny=1");
            browser.until(d -> d.getCurrentUrl().contains("/api/auth/kakao/callback") ? true : null, SHORT);
            assertEquals("로그인을 취소했습니다.", browser.find("h1").getText());
            assertTrue(browser.find("main").getText().contains("urn:onair:problem:sign-in-cancelled"));
            assertEquals("/", browser.find("main a.button").getDomAttribute("href"));
            // the stylesheet came through the page's policy
            assertEquals("14px", browser.script("return getComputedStyle(document.querySelector('.signin-error')).borderTopLeftRadius;"));
            assertFalse(browser.console().contains("Content Security Policy"), browser.console());
            browser.screenshot("sign-in-cancelled");
        }
    }

    @Test
    void englishWhenTheBrowserPrefersItAndAPhoneGetsOneColumn(TestInfo test) {
        try (Chromium english = Chromium.english(folder(test), "english")) {
            english.open("/");
            assertEquals("en", english.find("html").getDomAttribute("lang"));
            assertEquals("Live now", english.find("#live-heading").getText());
            english.find("#signin-open").click();
            assertEquals("Sign in with Google", english.visible("#signin-dialog a.signin-button.google", SHORT).getText());
            english.screenshot("home-sign-in");
        }
        try (Chromium phone = Chromium.phone(folder(test), "phone")) {
            phone.open("/");
            assertEquals(390L, (Long) phone.script("return document.documentElement.clientWidth;"), "a phone's width");
            for (String page : new String[] {"/", "/studio", "/me", "/channels/" + UUID.randomUUID()}) {
                phone.open(page);
                phone.screenshot(page.equals("/") ? "home" : page.substring(1, page.indexOf('/', 1) > 0 ? page.indexOf('/', 1) : page.length()));
                Long overflow = phone.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertEquals(0L, overflow, page + " scrolls sideways at phone width");
            }
            String unknown = "없는 방송이거나 비공개 방송입니다. 공유받은 방송이라면 로그인하세요.";
            assertEquals(unknown, phone.until(d -> unknown.equals(phone.find("#stage-text").getText()) ? unknown
                    : null, SHORT), "a channel id nobody knows: not found, or private");
        }
    }

    @Test
    void pagesGoOutWithAStrictContentSecurityPolicy() {
        for (String path : new String[] {"/", "/studio", "/me", "/channels/" + UUID.randomUUID()}) {
            Api.Reply page = Api.send(OnAirServer.get().http(path), "GET", null, null, null);
            assertEquals(200, page.status(), path);
            assertTrue(page.contentType().startsWith("text/html"), path);
            String csp = page.header("Content-Security-Policy").orElseThrow();
            assertTrue(csp.contains("script-src 'self';") && !csp.contains("unsafe"), csp);
            assertTrue(csp.contains(OnAirServer.cdn().replaceAll("/+$", "")), "the player may reach the CDN: " + csp);
            assertEquals("nosniff", page.header("X-Content-Type-Options").orElseThrow());
        }
        Api.Reply missing = Api.send(OnAirServer.get().http("/channels/not-a-channel"), "GET", null, null, null);
        assertEquals(404, missing.status());
        Api.Reply script = Api.send(OnAirServer.get().http("/assets/vendor/hls.js/dist/hls.min.js"), "GET", null, null, null);
        assertEquals(200, script.status());
        assertTrue(script.body().contains("Hls"), "hls.js from its WebJar");
    }

    // --- helpers ---------------------------------------------------------------------------

    private static String folder(TestInfo test) {
        return test.getTestMethod().orElseThrow().getName();
    }

    private static String nonEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static WebElement cardTitled(Chromium browser, String list, String title) {
        for (WebElement card : browser.findAll(list + " .card")) {
            if (title.equals(card.findElement(By.cssSelector(".card-title")).getText())) {
                return card;
            }
        }
        return null;
    }

    /**
     * Presses Tab until the element matching css has the focus (at most 60 times, the way a person
     * goes through the page), and returns it.
     */
    private static WebElement tabTo(Chromium browser, String css) {
        for (int i = 0; i < 60; i++) {
            if (Boolean.TRUE.equals(browser.script("return document.activeElement.matches(arguments[0]);", css))) {
                return browser.driver().switchTo().activeElement();
            }
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached " + css + "; it stopped at " + activeId(browser));
    }

    private static String activeId(Chromium browser) {
        return browser.script("const e = document.activeElement; return e.id || e.tagName + '.' + e.className;");
    }

    /** The visible controls and images a screen reader has no name for: a control without a label, an image without alt. */
    private static List<String> unnamedControls(Chromium browser) {
        return browser.script("""
                const visible = (e) => e.getClientRects().length > 0;
                const named = (e) => (e.labels && [...e.labels].some(l => l.textContent.trim()))
                    || (e.getAttribute('aria-label') || '').trim()
                    || (e.getAttribute('aria-labelledby') || '').split(' ').some(id => document.getElementById(id)?.textContent.trim())
                    || (['BUTTON', 'A'].includes(e.tagName) && e.textContent.trim());
                const controls = [...document.querySelectorAll('input:not([type=hidden]), textarea, select, button, a[href], video')]
                    .filter(visible).filter(e => !named(e)).map(e => e.outerHTML.slice(0, 120));
                const images = [...document.querySelectorAll('img')].filter(i => !i.hasAttribute('alt')).map(i => i.outerHTML.slice(0, 120));
                return controls.concat(images);""");
    }

    /** The video plays: its position advances by a second and more, and it reports no error. */
    private static void awaitPlaying(Chromium browser, String video) {
        double start = browser.until(d -> {
            double t = browser.currentTime(video);
            return t > 0 ? t : null;
        }, LONG);
        browser.until(d -> browser.currentTime(video) > start + 1.5 ? true : null, LONG);
        Object error = browser.script("const e = document.querySelector(arguments[0]).error; return e && e.code;", video);
        assertTrue(error == null, () -> "the video reports error " + error + "; console:\n" + browser.console());
    }
}
