package dev.onair.system;

import com.github.tomakehurst.wiremock.WireMockServer;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The sign-in providers of the system tests, on loopback, started before OnAir (whose
 * configuration points at them) and kept for the JVM:
 * <ul>
 *   <li>"google": mock-oauth2-server, a real OpenID Connect server (discovery, JWKS, PKCE);</li>
 *   <li>"kakao": WireMock answering Kakao's REST shapes ({@link KakaoShapedProvider}), plus
 *       fault codes: {@value #KAKAO_500}, {@value #KAKAO_SLOW}, {@value #KAKAO_MALFORMED};</li>
 *   <li>"lab": a scripted OpenID Connect provider for id_token attacks ({@link LabOidcProvider}).</li>
 * </ul>
 */
public final class TestProviders {

    public static final String GOOGLE_CLIENT_ID = "onair-google-test";
    public static final String GOOGLE_CLIENT_SECRET = "google-test-secret";
    public static final String KAKAO_500 = "fault-500";
    public static final String KAKAO_SLOW = "fault-slow";
    public static final String KAKAO_MALFORMED = "fault-malformed";
    /** Longer than OnAir's read timeout in the tests. */
    public static final int SLOW_MILLIS = 5000;
    public static final int STATE_TTL_SECONDS = 12;
    /** A loopback port nothing listens on: the address of a provider that is down. */
    public static final int UNUSED_PORT = Integer.parseInt(System.getProperty("onair.it.unused.port", "19199"));

    private static TestProviders instance;

    private final int oidcPort = Integer.parseInt(System.getProperty("onair.it.oidc.port", "19190"));
    private final int wiremockPort = Integer.parseInt(System.getProperty("onair.it.wiremock.port", "19191"));
    private final MockOAuth2Server google = new MockOAuth2Server();
    private final KakaoShapedProvider kakao = new KakaoShapedProvider();
    private final WireMockServer wiremock;
    private final LabOidcProvider lab;

    private TestProviders() {
        try {
            google.start(InetAddress.getByName("127.0.0.1"), oidcPort);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        wiremock = new WireMockServer(options().bindAddress("127.0.0.1").port(wiremockPort).extensions(kakao)
                .containerThreads(60).jettyAcceptors(2));
        wiremock.start();
        wiremock.stubFor(any(urlPathMatching("/oauth/(authorize|token)|/v2/user/me")).atPriority(10)
                .willReturn(aResponse().withTransformers(kakao.getName())));
        wiremock.stubFor(post(urlPathEqualTo("/oauth/token")).withRequestBody(containing("code=" + KAKAO_500)).atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("Internal Server Error")));
        wiremock.stubFor(post(urlPathEqualTo("/oauth/token")).withRequestBody(containing("code=" + KAKAO_SLOW)).atPriority(1)
                .willReturn(aResponse().withFixedDelay(SLOW_MILLIS).withHeader("Content-Type", "application/json")
                        .withBody("{\"token_type\":\"bearer\",\"access_token\":\"late\",\"expires_in\":21599}")));
        wiremock.stubFor(post(urlPathEqualTo("/oauth/token")).withRequestBody(containing("code=" + KAKAO_MALFORMED)).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"token_type\":\"bearer\",\"access_token\": ")));
        lab = new LabOidcProvider(wiremock, wiremockPort);
    }

    public static synchronized TestProviders get() {
        if (instance == null) {
            instance = new TestProviders();
        }
        return instance;
    }

    public static synchronized void stopIfStarted() {
        if (instance != null) {
            instance.wiremock.stop();
            instance.google.shutdown();
            instance = null;
        }
    }

    public KakaoShapedProvider kakao() {
        return kakao;
    }

    public LabOidcProvider lab() {
        return lab;
    }

    /** The next Google sign-in (authorization code) is this person. */
    public void nextGoogleUser(String subject, Map<String, Object> claims) {
        google.enqueueCallback(new DefaultOAuth2TokenCallback("google", subject, "JWT", List.of(GOOGLE_CLIENT_ID), claims, 3600));
    }

    /** An id_token as Google would issue it to OnAir for {@code subject}. */
    public String googleIdToken(String subject) {
        return google.issueToken("google", GOOGLE_CLIENT_ID, new DefaultOAuth2TokenCallback("google", subject, "JWT",
                List.of(GOOGLE_CLIENT_ID), Map.of("email", subject + "@gmail.test", "email_verified", true), 3600)).serialize();
    }

    /** The OnAir settings that point it at these providers. */
    public Map<String, String> onAirEnvironment(String onAirBase) {
        String wm = "http://127.0.0.1:" + wiremockPort;
        Map<String, String> env = new java.util.HashMap<>();
        env.put("ONAIR_AUTH_PROVIDERS", "kakao,google," + LabOidcProvider.ID + ",gone,gone-oidc");
        env.put("ONAIR_AUTH_KAKAO_CLIENT_ID", KakaoShapedProvider.CLIENT_ID);
        env.put("ONAIR_AUTH_KAKAO_CLIENT_SECRET", KakaoShapedProvider.CLIENT_SECRET);
        env.put("ONAIR_AUTH_KAKAO_AUTHORIZATION_ENDPOINT", wm + "/oauth/authorize");
        env.put("ONAIR_AUTH_KAKAO_TOKEN_ENDPOINT", wm + "/oauth/token");
        env.put("ONAIR_AUTH_KAKAO_USER_INFO_ENDPOINT", wm + "/v2/user/me");
        env.put("ONAIR_AUTH_GOOGLE_CLIENT_ID", GOOGLE_CLIENT_ID);
        env.put("ONAIR_AUTH_GOOGLE_CLIENT_SECRET", GOOGLE_CLIENT_SECRET);
        env.put("ONAIR_AUTH_GOOGLE_DISCOVERY_URI", "http://127.0.0.1:" + oidcPort + "/google/.well-known/openid-configuration");
        env.put("ONAIR_AUTH_LAB_PROTOCOL", "oidc");
        env.put("ONAIR_AUTH_LAB_CLIENT_ID", LabOidcProvider.CLIENT_ID);
        env.put("ONAIR_AUTH_LAB_DISCOVERY_URI", lab.issuer() + "/.well-known/openid-configuration");
        // Two providers that are down: nothing listens on their port.
        String nobody = "http://127.0.0.1:" + UNUSED_PORT;
        env.put("ONAIR_AUTH_GONE_PROTOCOL", "kakao");
        env.put("ONAIR_AUTH_GONE_CLIENT_ID", "gone");
        env.put("ONAIR_AUTH_GONE_AUTHORIZATION_ENDPOINT", nobody + "/oauth/authorize");
        env.put("ONAIR_AUTH_GONE_TOKEN_ENDPOINT", nobody + "/oauth/token");
        env.put("ONAIR_AUTH_GONE_USER_INFO_ENDPOINT", nobody + "/v2/user/me");
        env.put("ONAIR_AUTH_GONE_OIDC_CLIENT_ID", "gone-oidc");
        env.put("ONAIR_AUTH_GONE_OIDC_DISCOVERY_URI", nobody + "/.well-known/openid-configuration");
        env.put("ONAIR_AUTH_REDIRECT_URIS", String.join(",", List.of(
                onAirBase + "/api/auth/kakao/callback", onAirBase + "/api/auth/google/callback",
                onAirBase + "/api/auth/" + LabOidcProvider.ID + "/callback", onAirBase + "/api/auth/gone/callback",
                onAirBase + "/api/auth/gone-oidc/callback")));
        // Well under SLOW_MILLIS, so the slow fault is cut short; well over what the providers take
        // when 50 sign-ins run at once on two cores (1 s was once too short there).
        env.put("ONAIR_AUTH_HTTP_READ_TIMEOUT", "PT2S");
        // Short enough for a test to watch a sign-in expire, long enough for every flow under load.
        env.put("ONAIR_AUTH_STATE_TTL", "PT" + STATE_TTL_SECONDS + "S");
        return env;
    }
}
