package dev.onair.signin.control;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import dev.onair.accounts.entity.Profile;
import dev.onair.signin.entity.SignInRefused;
import dev.onair.signin.entity.SignInRequest;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.net.URI;

import static java.net.HttpURLConnection.HTTP_OK;

/**
 * Kakao Login through its OAuth 2.0 REST API: authorize with PKCE, a form POST to the token
 * endpoint (client secret in the body when one is set), then {@code GET /v2/user/me} with the
 * access token. The account key is Kakao's numeric {@code id}; nickname and profile image come
 * from {@code kakao_account.profile}; the e-mail address only when the user agreed to share it
 * and Kakao marks it valid and verified.
 */
final class KakaoProvider implements SignInProvider {

    private static final JsonProvider JSON = JsonProvider.provider();

    private final ProviderSettings settings;

    KakaoProvider(ProviderSettings settings) {
        this.settings = settings;
    }

    @Override
    public String id() {
        return settings.id();
    }

    @Override
    public URI authorizationUri(String state, String nonce, String codeVerifier, URI redirectUri) {
        AuthorizationRequest.Builder request = new AuthorizationRequest.Builder(ResponseType.CODE, new ClientID(settings.clientId()))
                .endpointURI(settings.authorizationEndpoint())
                .redirectionURI(redirectUri)
                .state(new State(state))
                .codeChallenge(new CodeVerifier(codeVerifier), CodeChallengeMethod.S256);
        if (!settings.scopes().isEmpty()) {
            // Kakao separates additional consent items with commas.
            request.customParameter("scope", String.join(",", settings.scopes()));
        }
        return request.build().toURI();
    }

    @Override
    public Profile profile(String code, SignInRequest request) {
        TokenResponse answer = ProviderCalls.exchange(settings, settings.tokenEndpoint(), code, request, TokenResponse::parse);
        if (!(answer instanceof AccessTokenResponse tokens)) {
            throw SignInRefused.providerAnswer(settings.id() + "'s token answer has no access token.");
        }
        HTTPResponse response = ProviderCalls.send(settings,
                new UserInfoRequest(settings.userInfoEndpoint(), tokens.getTokens().getBearerAccessToken()).toHTTPRequest(),
                "user profile");
        if (response.getStatusCode() != HTTP_OK) {
            throw SignInRefused.providerRefused(settings.id() + " refused the user profile request (HTTP "
                    + response.getStatusCode() + ").");
        }
        return parse(response.getBody());
    }

    Profile parse(String body) {
        JsonObject user;
        try (JsonReader reader = JSON.createReader(new StringReader(body == null ? "" : body))) {
            user = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw SignInRefused.providerAnswer(settings.id() + "'s user profile is not a JSON object.");
        }
        JsonValue id = user.get("id");
        if (!(id instanceof JsonNumber number) || !number.isIntegral()) {
            throw SignInRefused.providerAnswer(settings.id() + "'s user profile has no numeric id.");
        }
        JsonObject account = object(user, "kakao_account");
        JsonObject profile = account == null ? null : object(account, "profile");
        String nickname = profile == null ? null : text(profile, "nickname");
        String image = profile == null ? null : text(profile, "profile_image_url");
        String email = null;
        if (account != null && account.getBoolean("is_email_valid", false) && account.getBoolean("is_email_verified", false)) {
            email = text(account, "email");
        }
        return new Profile(settings.id(), number.bigIntegerValueExact().toString(), nickname, email, image);
    }

    private static JsonObject object(JsonObject parent, String name) {
        return parent.get(name) instanceof JsonObject child ? child : null;
    }

    private static String text(JsonObject parent, String name) {
        return parent.get(name) instanceof JsonString s ? s.getString() : null;
    }
}
