package dev.onair.system;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.FormParameter;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;

/**
 * Kakao Login as its REST API documents it, played by WireMock: {@code GET /oauth/authorize}
 * (the user "signs in" as the Kakao user named by the test-only {@code login_as} parameter, or
 * cancels with {@code deny=1}), {@code POST /oauth/token} (checks client id and secret, the
 * redirect URI and the PKCE S256 verifier; codes are good once) and {@code GET /v2/user/me}
 * (the profile in Kakao's JSON shape, the e-mail only for users who agreed to share it).
 */
public final class KakaoShapedProvider implements ResponseDefinitionTransformerV2 {

    public static final String CLIENT_ID = "onair-kakao-test";
    public static final String CLIENT_SECRET = "kakao-test-secret";

    /** A Kakao user; {@code email} null when the user did not agree to share it. */
    public record User(long id, String nickname, String imageUrl, String email) {
    }

    private record Grant(User user, String redirectUri, String challenge) {
    }

    private final Map<Long, User> users = new ConcurrentHashMap<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, User> accessTokens = new ConcurrentHashMap<>();

    public void register(User user) {
        users.put(user.id(), user);
    }

    @Override
    public String getName() {
        return "kakao";
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        String path = request.getUrl().split("\\?", 2)[0];
        return switch (path) {
            case "/oauth/authorize" -> authorize(request);
            case "/oauth/token" -> token(request);
            case "/v2/user/me" -> me(request);
            default -> responseDefinition().withStatus(404).build();
        };
    }

    private ResponseDefinition authorize(Request request) {
        String redirectUri = query(request, "redirect_uri");
        String state = query(request, "state");
        if (!CLIENT_ID.equals(query(request, "client_id")) || redirectUri == null || !"code".equals(query(request, "response_type"))) {
            return error(400, "invalid_request", "bad authorize request", "KOE101");
        }
        if (!"S256".equals(query(request, "code_challenge_method")) || query(request, "code_challenge") == null) {
            return error(400, "invalid_request", "PKCE S256 required by this test provider", "KOE102");
        }
        String back = redirectUri + (redirectUri.contains("?") ? "&" : "?");
        if ("1".equals(query(request, "deny"))) {
            return redirect(back + "error=access_denied&error_description=" + encode("User denied access")
                    + "&state=" + encode(state));
        }
        User user = users.get(Long.parseLong(query(request, "login_as")));
        String code = "kc-" + UUID.randomUUID();
        codes.put(code, new Grant(user, redirectUri, query(request, "code_challenge")));
        return redirect(back + "code=" + encode(code) + "&state=" + encode(state));
    }

    private ResponseDefinition token(Request request) {
        Map<String, FormParameter> form = request.formParameters();
        if (!"authorization_code".equals(form(form, "grant_type"))) {
            return error(400, "unsupported_grant_type", "grant_type must be authorization_code", "KOE310");
        }
        if (!CLIENT_ID.equals(form(form, "client_id")) || !CLIENT_SECRET.equals(form(form, "client_secret"))) {
            return error(401, "invalid_client", "Bad client credentials", "KOE010");
        }
        Grant grant = codes.remove(String.valueOf(form(form, "code")));
        if (grant == null) {
            return error(400, "invalid_grant", "authorization code not found for code=" + form(form, "code"), "KOE320");
        }
        if (!grant.redirectUri().equals(form(form, "redirect_uri"))) {
            return error(400, "invalid_grant", "redirect_uri mismatch", "KOE303");
        }
        String verifier = form(form, "code_verifier");
        if (verifier == null || !s256(verifier).equals(grant.challenge())) {
            return error(400, "invalid_grant", "code_verifier mismatch", "KOE322");
        }
        String accessToken = "kat-" + UUID.randomUUID();
        accessTokens.put(accessToken, grant.user());
        return json(200, Json.createObjectBuilder()
                .add("token_type", "bearer")
                .add("access_token", accessToken)
                .add("expires_in", 21599)
                .add("refresh_token", "krt-" + UUID.randomUUID())
                .add("refresh_token_expires_in", 5183999)
                .add("scope", grant.user().email() == null ? "profile_image profile_nickname" : "account_email profile_image profile_nickname"));
    }

    private ResponseDefinition me(Request request) {
        String authorization = request.getHeader("Authorization");
        User user = authorization == null || !authorization.startsWith("Bearer ") ? null
                : accessTokens.get(authorization.substring("Bearer ".length()));
        if (user == null) {
            return json(401, Json.createObjectBuilder().add("msg", "this access token does not exist").add("code", -401));
        }
        JsonObjectBuilder account = Json.createObjectBuilder()
                .add("profile_nickname_needs_agreement", false)
                .add("profile_image_needs_agreement", false)
                .add("profile", Json.createObjectBuilder()
                        .add("nickname", user.nickname())
                        .add("thumbnail_image_url", user.imageUrl() + "?thumb")
                        .add("profile_image_url", user.imageUrl())
                        .add("is_default_image", false));
        if (user.email() == null) {
            account.add("has_email", true).add("email_needs_agreement", true);
        } else {
            account.add("has_email", true).add("email_needs_agreement", false).add("is_email_valid", true)
                    .add("is_email_verified", true).add("email", user.email());
        }
        return json(200, Json.createObjectBuilder()
                .add("id", user.id())
                .add("connected_at", "2026-11-01T09:00:00Z")
                .add("properties", Json.createObjectBuilder().add("nickname", user.nickname()).add("profile_image", user.imageUrl()))
                .add("kakao_account", account));
    }

    private static String query(Request request, String name) {
        QueryParameter parameter = request.queryParameter(name);
        return parameter != null && parameter.isPresent() ? parameter.firstValue() : null;
    }

    private static String form(Map<String, FormParameter> form, String name) {
        FormParameter parameter = form.get(name);
        return parameter == null ? null : parameter.getValues().get(0);
    }

    private static ResponseDefinition error(int status, String error, String description, String code) {
        return json(status, Json.createObjectBuilder().add("error", error).add("error_description", description)
                .add("error_code", code));
    }

    private static ResponseDefinition json(int status, JsonObjectBuilder body) {
        return responseDefinition().withStatus(status).withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody(body.build().toString()).build();
    }

    private static ResponseDefinition redirect(String location) {
        return responseDefinition().withStatus(302).withHeader("Location", location).build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
