package dev.onair.system;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The login history and notices, as the account holder and as an admin read them. */
class LoginHistoryIT {

    private static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148";
    private static final String LAPTOP = "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/133.0";

    private final Api api = new Api();

    @Test
    void myHistoryListsEveryAttemptNewestFirstWithTheClientBehindTheProxy() {
        KakaoShapedProvider.User user = SignIns.newKakaoUser(true);
        SignIns.kakao(new Browser(LAPTOP, null), user);
        SignIns.Session latest = SignIns.kakao(new Browser(PHONE, "198.51.100.23, 10.0.0.1"), user);

        JsonObject page = Eventually.await(() -> api.get("/api/me/logins?size=1", latest.accessToken()).json(),
                logins -> logins.getInt("total") >= 2);
        assertEquals(2, page.getInt("total"));
        assertEquals(1, page.getJsonArray("items").size());
        JsonObject newest = page.getJsonArray("items").getJsonObject(0);
        assertEquals("SUCCESS", newest.getString("outcome"));
        assertEquals("kakao", newest.getString("provider"));
        assertEquals(PHONE, newest.getString("device"));
        assertEquals("10.0.0.1", newest.getString("ip"),
                "behind the trusted proxy (127.0.0.1) the rightmost untrusted X-Forwarded-For address is the client");
        JsonObject older = api.get("/api/me/logins?page=1&size=1", latest.accessToken()).json().getJsonArray("items").getJsonObject(0);
        assertEquals(LAPTOP, older.getString("device"));
        assertEquals("127.0.0.1", older.getString("ip"));
        assertTrue(Instant.parse(older.getString("at")).isBefore(Instant.parse(newest.getString("at"))));

        Api.Reply bad = api.get("/api/me/logins?size=1000", latest.accessToken());
        assertEquals(400, bad.status());
        assertEquals("size", bad.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(401, api.get("/api/me/logins", null).status());
    }

    @Test
    void aSignInFromANewDeviceOrNetworkLeavesANotice() throws InterruptedException {
        KakaoShapedProvider.User user = SignIns.newKakaoUser(true);
        SignIns.Session first = SignIns.kakao(new Browser(LAPTOP, null), user);
        assertEquals(0, api.get("/api/me/notices", first.accessToken()).json().getInt("total"),
                "the sign-in that made the account is nobody's surprise");
        SignIns.Session updated = SignIns.kakao(new Browser(LAPTOP.replace("133.0", "134.0"), null), user);
        // Notices are written just after the sign-in: wait until its history row is there and
        // the notice observer has had its moment, then expect none.
        Thread.sleep(500);
        assertEquals(0, api.get("/api/me/notices", updated.accessToken()).json().getInt("total"),
                "a browser update is not a new device");

        SignIns.kakao(new Browser(PHONE, null), user);
        SignIns.Session travelling = SignIns.kakao(new Browser(LAPTOP, "203.0.113.40"), user);
        JsonObject notices = Eventually.await(() -> api.get("/api/me/notices", travelling.accessToken()).json(),
                page -> page.getInt("total") >= 2);
        assertEquals(2, notices.getInt("total"), notices::toString);
        JsonObject network = notices.getJsonArray("items").getJsonObject(0);
        assertFalse(network.getBoolean("newDevice"));
        assertTrue(network.getBoolean("newNetwork"));
        assertEquals("203.0.113.40", network.getString("ip"));
        JsonObject device = notices.getJsonArray("items").getJsonObject(1);
        assertTrue(device.getBoolean("newDevice"));
        assertFalse(device.getBoolean("newNetwork"));
        assertEquals(PHONE, device.getString("device"));
    }

    @Test
    void adminsSearchTheHistoryByAccountProviderOutcomeAndTime() {
        Instant since = Instant.now().minusSeconds(1);
        SignIns.Session session = SignIns.kakao(new Browser(), SignIns.newKakaoUser(true));
        String admin = History.adminToken();
        JsonObject mine = Eventually.await(() -> api.get("/api/admin/logins?account=" + session.accountId(), admin).json(),
                logins -> logins.getInt("total") >= 1);
        assertEquals(1, mine.getInt("total"));
        assertEquals(session.accountId(), mine.getJsonArray("items").getJsonObject(0).getString("accountId"));
        assertEquals(1, api.get("/api/admin/logins?account=" + session.accountId() + "&provider=kakao&outcome=success&from="
                + History.encode(since.toString()), admin).json().getInt("total"));
        assertEquals(0, api.get("/api/admin/logins?account=" + session.accountId() + "&provider=google", admin).json().getInt("total"));
        assertEquals(0, api.get("/api/admin/logins?account=" + session.accountId() + "&to=" + History.encode(since.toString()), admin)
                .json().getInt("total"));

        Api.Reply bad = api.get("/api/admin/logins?outcome=maybe&from=yesterday", admin);
        assertEquals(400, bad.status());
        assertEquals("invalid-request", bad.problemType());
        List<String> fields = bad.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(error -> error.getString("field")).toList();
        assertEquals(List.of("outcome", "from"), fields);
    }

    @Test
    void fiveHundredSignInsFromFiftyClientsLeaveFiveHundredRecords() throws Exception {
        String admin = History.adminToken();
        Thread.sleep(20);
        Instant since = Instant.now();
        int clients = 50;
        int each = 10;
        List<KakaoShapedProvider.User> users = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            users.add(SignIns.newKakaoUser(i % 2 == 0));
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<String>> accounts = new ArrayList<>();
        try {
            for (KakaoShapedProvider.User user : users) {
                accounts.add(pool.submit(() -> {
                    String account = null;
                    for (int i = 0; i < each; i++) {
                        String id = SignIns.kakao(new Browser("load/" + user.id(), null), user).accountId();
                        if (account != null && !account.equals(id)) {
                            throw new AssertionError("one Kakao user, two accounts");
                        }
                        account = id;
                    }
                    return account;
                }));
            }
            long total = 0;
            List<String> ids = new ArrayList<>();
            for (Future<String> account : accounts) {
                ids.add(account.get(5, TimeUnit.MINUTES));
            }
            // Successes are recorded just after each sign-in answered: let the last ones land.
            Eventually.await(() -> api.get("/api/admin/logins?provider=kakao&from=" + History.encode(since.toString()), admin)
                    .json().getInt("total"), recorded -> recorded >= clients * each);
            Thread.sleep(500);
            for (String account : ids) {
                JsonObject page = api.get("/api/admin/logins?outcome=SUCCESS&account=" + account, admin).json();
                assertEquals(each, page.getInt("total"), "every sign-in of the account is recorded once");
                total += page.getInt("total");
            }
            assertEquals((long) clients * each, total);
            JsonObject all = api.get("/api/admin/logins?provider=kakao&from=" + History.encode(since.toString()), admin).json();
            assertEquals(clients * each, all.getInt("total"), "none lost, none doubled, no failures");
        } finally {
            pool.shutdownNow();
        }
    }
}
