package dev.onair.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `./onair run` as a newcomer meets it, on a machine with no account anywhere: the README's
 * command (the built server, not a test server) starts OnAir with its embedded defaults and the
 * local sign-in provider; Chromium signs in with it, opens a channel and ffmpeg publishes with the
 * two fields read from the page; then a SIGTERM to the script stops everything it started and
 * leaves no process and no listening port behind. A wrong setting ends the run at once, naming the
 * key, the rule and the value, with nothing left running.
 */
class RunCommandIT {

    private static final int HTTP = 18080;
    private static final int HTTPS = 18443;
    private static final int INTERNAL = 18081;
    private static final int RTMP = 18935;
    private static final int RTMPS = 18936;
    private static final int RTMP_INTERNAL = 18937;
    private static final int NGINX = 18938;
    private static final int S3 = 18900;
    private static final int EDGE = 18088;
    private static final int SIGNIN = 18089;
    private static final List<Integer> PORTS = List.of(HTTP, HTTPS, INTERNAL, RTMP, RTMPS, RTMP_INTERNAL, NGINX, S3, EDGE, SIGNIN);

    private final Path dir = Path.of(System.getProperty("onair.it.work.dir")).resolveSibling("run-it");
    private final Path root = Path.of(System.getProperty("onair.wlp.dir")).resolve("../../../..").normalize();

    @Test
    void aNewcomerSignsInLocallyGoesLiveAndSigtermLeavesNothingBehind(TestInfo test) throws Exception {
        for (int port : PORTS) {
            assertFalse(listening(port), "port " + port + " is free before the run");
        }
        Process run = start(Map.of());
        try {
            String banner = awaitBanner(run);
            assertTrue(banner.contains("Local account (development)"), banner);
            assertTrue(banner.contains("rtmps://127.0.0.1:" + RTMPS + "/live"), banner);
            assertEquals("{\"providers\":[\"local\"]}", get("/api/auth/providers").replace(" ", ""));

            try (Chromium browser = Chromium.english(test.getTestClass().orElseThrow().getSimpleName(), "newcomer")) {
                browser.openAt("http://localhost:" + HTTP + "/studio");
                WebElement local = browser.visible("#studio-signin a.signin-button.local", Duration.ofSeconds(20));
                assertEquals("Local account (development)", local.getText());
                assertTrue(local.getAttribute("title").contains("Only a browser on the machine"), local.getAttribute("title"));
                browser.screenshot("studio-local-sign-in");
                local.click();
                WebElement name = browser.visible("input[name=username]", Duration.ofSeconds(20));
                browser.screenshot("local-provider");
                name.sendKeys("newcomer");
                browser.driver().findElement(By.cssSelector("input[type=submit]")).click();
                browser.until(d -> d.getCurrentUrl().startsWith("http://localhost:" + HTTP + "/studio") ? true : null, Duration.ofSeconds(20));
                browser.visible("#new-title", Duration.ofSeconds(20)).sendKeys("My first broadcast");
                browser.find("#new-submit").click();
                String server = browser.until(d -> blankToNull(browser.find("#obs-server").getAttribute("value")), Duration.ofSeconds(20));
                String key = browser.find("#obs-key").getAttribute("value");
                assertEquals("rtmp://127.0.0.1:" + RTMP + "/live", server);
                assertEquals("rtmps://127.0.0.1:" + RTMPS + "/live", browser.find("#obs-server-secure").getAttribute("value"));
                try (Publisher obs = Publisher.start(server, key)) {
                    browser.until(d -> "LIVE".equals(browser.find("#status-badge").getText()) ? true : null, Duration.ofSeconds(30));
                    browser.screenshot("studio-live");
                    assertTrue(obs.alive(), obs::output);
                }
            }
            assertTrue(signedInRoles("newcomer").contains("admin"), "ONAIR_ADMINS=local:newcomer makes the newcomer an admin");

            List<ProcessHandle> started = run.descendants().toList();
            assertTrue(started.size() >= 4, "Liberty, nginx twice, the S3 store and the provider: " + started);
            run.destroy(); // SIGTERM, as a terminal's kill, systemd or a container runtime sends
            assertTrue(run.waitFor(120, TimeUnit.SECONDS), "./onair run stopped within two minutes");
            assertNothingLeft(started);
        } finally {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
        }
    }

    @Test
    void aWrongSettingEndsTheRunAtOnceNamingTheKey() throws Exception {
        Process run = start(Map.of("ONAIR_DELIVERY_LIVE_WINDOW", "2"));
        try {
            List<ProcessHandle> started = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(180);
            while (run.isAlive() && Instant.now().isBefore(deadline)) {
                run.descendants().filter(p -> !started.contains(p)).forEach(started::add);
                OnAirServer.sleep(200);
            }
            String out = Files.readString(dir.resolve("run.out"));
            assertFalse(run.isAlive(), "./onair run still waits for a server that cannot start:\n" + out);
            assertEquals(1, run.exitValue(), out);
            assertTrue(out.contains("OnAir could not start: onair.delivery.live-window must be a number from 3 to 100, not '2'"), out);
            assertFalse(out.contains("OnAir is up"), out);
            assertNothingLeft(started);
        } finally {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
        }
    }

    private static void assertNothingLeft(List<ProcessHandle> started) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline) && started.stream().anyMatch(ProcessHandle::isAlive)) {
            OnAirServer.sleep(200);
        }
        for (ProcessHandle process : started) {
            assertFalse(process.isAlive(), "left running: " + process.pid() + " " + process.info().command().orElse("?"));
        }
        for (int port : PORTS) {
            assertFalse(listening(port), "left listening: " + port);
        }
    }

    /** Starts {@code ./onair run} as the README says, on this test's ports and folders, with {@code settings} added. */
    private Process start(Map<String, String> settings) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(dir);
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("onair").toString(), "run")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("run.out").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("ONAIR_") || name.startsWith("WLP_"));
        env.putAll(Map.of(
                "ONAIR_BUILD", "off",
                "WLP_OUTPUT_DIR", dir.resolve("output").toString(),
                "ONAIR_DATA_DIR", dir.resolve("data").toString(),
                "ONAIR_HTTP_PORT", String.valueOf(HTTP),
                "ONAIR_HTTPS_PORT", String.valueOf(HTTPS),
                "ONAIR_INTERNAL_PORT", String.valueOf(INTERNAL),
                "ONAIR_LOCAL_S3_PORT", String.valueOf(S3),
                "ONAIR_EDGE_PORT", String.valueOf(EDGE),
                "ONAIR_LOCAL_SIGNIN_PORT", String.valueOf(SIGNIN),
                "ONAIR_ADMINS", "local:newcomer"));
        env.putAll(Map.of(
                "ONAIR_INGEST_RTMP_PORT", String.valueOf(RTMP),
                "ONAIR_INGEST_RTMPS_PORT", String.valueOf(RTMPS),
                "ONAIR_INGEST_RTMP_INTERNAL_PORT", String.valueOf(RTMP_INTERNAL),
                "ONAIR_INGEST_NGINX_HTTP_PORT", String.valueOf(NGINX),
                // loopback, so that the test talks to 127.0.0.1 only (the run would take this machine's address)
                "ONAIR_INGEST_RTMP_URL", "rtmp://127.0.0.1:" + RTMP + "/live",
                "ONAIR_INGEST_RTMPS_URL", "rtmps://127.0.0.1:" + RTMPS + "/live",
                "ONAIR_CDN_BASE_URL", "http://127.0.0.1:" + EDGE + "/"));
        env.putAll(settings);
        return builder.start();
    }

    private String awaitBanner(Process run) throws IOException {
        Instant deadline = Instant.now().plusSeconds(240);
        Path out = dir.resolve("run.out");
        while (Instant.now().isBefore(deadline)) {
            String text = Files.exists(out) ? Files.readString(out) : "";
            if (text.contains("Stop with Ctrl+C.")) {
                return text;
            }
            assertTrue(run.isAlive(), "./onair run ended before it was up:\n" + text);
            OnAirServer.sleep(500);
        }
        throw new AssertionError("./onair run was not up within 4 minutes:\n" + Files.readString(out));
    }

    private static String get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** A program's sign-in with the local provider (what the browser did, over plain HTTP): the account's roles. */
    private static List<String> signedInRoles(String name) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> start = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + HTTP + "/api/auth/local/login")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, start.statusCode(), start::body);
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        // the browser-binding cookie is Secure, which browsers keep for http://localhost but java.net's cookie store does not
        String binding = start.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("onair_signin="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(authorize)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(name, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, login.statusCode(), login::body);
        HttpResponse<String> callback = client.send(HttpRequest.newBuilder(URI.create(login.headers().firstValue("Location").orElseThrow()))
                .header("Accept", "application/json").header("Cookie", binding).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, callback.statusCode(), callback::body);
        String token = Json.createReader(new StringReader(callback.body())).readObject().getString("accessToken");
        JsonObject me = Json.createReader(new StringReader(client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + HTTP + "/api/me")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString()).body())).readObject();
        assertEquals(name, me.getString("displayName"), "the name typed at the provider");
        return me.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
