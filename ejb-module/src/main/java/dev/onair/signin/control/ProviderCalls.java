package dev.onair.signin.control;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.onair.shared.LogText;
import dev.onair.signin.entity.SignInRefused;
import dev.onair.signin.entity.SignInRequest;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;

import static java.net.HttpURLConnection.HTTP_INTERNAL_ERROR;

/**
 * The HTTP side of talking to a provider, shared by both protocols: timeouts on every call, and
 * every way a call can go wrong turned into a {@link SignInRefused} with a stable reason
 * (unreachable or slow, 5xx, refused, malformed), never into an exception that becomes a 500.
 */
final class ProviderCalls {

    /** How much of a provider's answer the log repeats. */
    private static final int LOGGED_LENGTH = 80;

    private ProviderCalls() {
    }

    static HTTPResponse send(ProviderSettings settings, HTTPRequest request, String what) {
        request.setConnectTimeout((int) settings.connectTimeout().toMillis());
        request.setReadTimeout((int) settings.readTimeout().toMillis());
        HTTPResponse response;
        try {
            response = request.send();
        } catch (SocketTimeoutException e) {
            throw SignInRefused.providerUnavailable(settings.id() + " did not answer the " + what + " request within "
                    + settings.readTimeout().toMillis() + " ms.");
        } catch (IOException e) {
            throw SignInRefused.providerUnavailable(settings.id() + " could not be reached for the " + what + " request.");
        }
        if (response.getStatusCode() >= HTTP_INTERNAL_ERROR) {
            throw SignInRefused.providerUnavailable(settings.id() + " failed the " + what + " request (HTTP "
                    + response.getStatusCode() + ").");
        }
        return response;
    }

    /** The authorization code grant with the PKCE verifier, client credentials in the form body. */
    static TokenResponse exchange(ProviderSettings settings, URI tokenEndpoint, String code, SignInRequest request,
                                  ResponseParser parser) {
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(code),
                URI.create(request.redirectUri()), new CodeVerifier(request.codeVerifier()));
        ClientID clientId = new ClientID(settings.clientId());
        TokenRequest tokenRequest = settings.clientSecret()
                .map(secret -> new TokenRequest(tokenEndpoint, new ClientSecretPost(clientId, new Secret(secret)), grant))
                .orElseGet(() -> new TokenRequest(tokenEndpoint, clientId, grant));
        HTTPResponse response = send(settings, tokenRequest.toHTTPRequest(), "token");
        TokenResponse parsed;
        try {
            parsed = parser.parse(response);
        } catch (ParseException e) {
            throw SignInRefused.providerAnswer(settings.id() + "'s token answer (HTTP " + response.getStatusCode()
                    + ") could not be read.");
        }
        if (!parsed.indicatesSuccess()) {
            ErrorObject error = ((TokenErrorResponse) parsed).getErrorObject();
            throw SignInRefused.providerRefused(settings.id() + " refused the authorization code: "
                    + describe(error) + ".");
        }
        return parsed;
    }

    static String describe(ErrorObject error) {
        return error == null || error.getCode() == null ? "no reason given" : safe(error.getCode());
    }

    /** Provider-sent text goes into details and logs: keep it short and printable. */
    static String safe(String text) {
        return LogText.printable(text, LOGGED_LENGTH);
    }

    /** {@code TokenResponse::parse} or {@code OIDCTokenResponseParser::parse}. */
    @FunctionalInterface
    interface ResponseParser {
        TokenResponse parse(HTTPResponse response) throws ParseException;
    }
}
