package dev.onair.signin.control;

import dev.onair.accounts.entity.Profile;
import dev.onair.signin.entity.SignInRequest;

import java.net.URI;

/**
 * One place people sign in at. Two implementations: {@link OidcProvider} for OpenID Connect
 * providers (Google, Keycloak, an enterprise IdP) and {@link KakaoProvider} for Kakao's OAuth 2.0
 * REST API. Both speak authorization code with PKCE (S256); neither keeps state between the two
 * calls: what a callback needs comes back in the {@link SignInRequest}.
 */
public interface SignInProvider {

    String id();

    /** Where to send the browser: the provider's authorization endpoint with this request's parameters. */
    URI authorizationUri(String state, String nonce, String codeVerifier, URI redirectUri);

    /**
     * Exchanges the authorization code and returns who signed in, as the provider vouches for it.
     *
     * @throws dev.onair.signin.entity.SignInRefused when the provider refuses, fails, is slow or
     *                                               answers something that does not hold up
     */
    Profile profile(String code, SignInRequest request);
}
