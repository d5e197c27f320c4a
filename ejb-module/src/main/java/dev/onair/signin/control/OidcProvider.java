package dev.onair.signin.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.onair.accounts.entity.Profile;
import dev.onair.signin.entity.SignInRefused;
import dev.onair.signin.entity.SignInRequest;

import java.net.MalformedURLException;
import java.net.URI;
import java.util.Set;
import java.util.stream.Collectors;

import static java.net.HttpURLConnection.HTTP_OK;

/**
 * An OpenID Connect provider (Google by default settings; any other by configuration). Its
 * endpoints come from the discovery document, read on first use and kept; the id_token is
 * verified against the provider's JWKS (fetched, cached, refreshed on an unknown key id by
 * Nimbus) with an allow-listed algorithm, issuer, audience = our client id, expiry and nonce.
 * The account key is {@code sub}; {@code email} counts only with {@code email_verified}; the display
 * name is the first of {@code onair.auth.<id>.name-claims} the token has.
 */
final class OidcProvider implements SignInProvider {

    /** A provider's discovery or token answer larger than this is refused. */
    private static final int MAX_RESPONSE_BYTES = 512 * 1024;

    private final ProviderSettings settings;
    private volatile Discovered discovered;

    private record Discovered(OIDCProviderMetadata metadata, IDTokenValidator validator) {
    }

    OidcProvider(ProviderSettings settings) {
        this.settings = settings;
    }

    @Override
    public String id() {
        return settings.id();
    }

    @Override
    public URI authorizationUri(String state, String nonce, String codeVerifier, URI redirectUri) {
        OIDCProviderMetadata metadata = discovered().metadata();
        return new AuthenticationRequest.Builder(ResponseType.CODE, new Scope(settings.scopes().toArray(String[]::new)),
                new ClientID(settings.clientId()), redirectUri)
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(new State(state))
                .nonce(new Nonce(nonce))
                .codeChallenge(new CodeVerifier(codeVerifier), CodeChallengeMethod.S256)
                .build()
                .toURI();
    }

    @Override
    public Profile profile(String code, SignInRequest request) {
        Discovered provider = discovered();
        TokenResponse answer = ProviderCalls.exchange(settings, provider.metadata().getTokenEndpointURI(), code,
                request, OIDCTokenResponseParser::parse);
        JWT idToken = answer instanceof OIDCTokenResponse tokens ? tokens.getOIDCTokens().getIDToken() : null;
        if (idToken == null) {
            throw SignInRefused.providerAnswer(settings.id() + "'s token answer has no id_token.");
        }
        IDTokenClaimsSet claims;
        try {
            claims = provider.validator().validate(idToken, new Nonce(request.nonce()));
        } catch (BadJOSEException e) {
            throw SignInRefused.idToken(settings.id() + "'s id_token was refused: " + ProviderCalls.safe(e.getMessage()) + ".");
        } catch (JOSEException e) {
            throw SignInRefused.idToken(settings.id() + "'s id_token could not be verified: " + ProviderCalls.safe(e.getMessage()) + ".");
        }
        String email = Boolean.TRUE.equals(claims.getBooleanClaim("email_verified")) ? claims.getStringClaim("email") : null;
        String name = settings.nameClaims().stream()
                .map(claim -> claim.equals("sub") ? claims.getSubject().getValue() : claims.getStringClaim(claim))
                .filter(value -> value != null && !value.isBlank())
                .findFirst().orElse(null);
        return new Profile(settings.id(), claims.getSubject().getValue(), name, email, claims.getStringClaim("picture"));
    }

    /** The discovery document and a validator built from it; fetched once, again only after a failure. */
    private Discovered discovered() {
        Discovered known = discovered;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (discovered == null) {
                discovered = discover();
            }
            return discovered;
        }
    }

    private Discovered discover() {
        HTTPResponse response = ProviderCalls.send(settings, new HTTPRequest(HTTPRequest.Method.GET, settings.discoveryUri()),
                "discovery");
        OIDCProviderMetadata metadata;
        try {
            if (response.getStatusCode() != HTTP_OK) {
                throw SignInRefused.providerUnavailable(settings.id() + "'s discovery document answered HTTP "
                        + response.getStatusCode() + ".");
            }
            metadata = OIDCProviderMetadata.parse(response.getBodyAsJSONObject());
        } catch (ParseException e) {
            throw SignInRefused.providerAnswer(settings.id() + "'s discovery document could not be read.");
        }
        if (metadata.getAuthorizationEndpointURI() == null || metadata.getTokenEndpointURI() == null
                || metadata.getJWKSetURI() == null) {
            throw SignInRefused.providerAnswer(settings.id() + "'s discovery document lacks an endpoint or its JWKS.");
        }
        Set<JWSAlgorithm> algorithms = settings.idTokenAlgorithms().stream().map(JWSAlgorithm::parse)
                .filter(alg -> JWSAlgorithm.Family.SIGNATURE.contains(alg)).collect(Collectors.toSet());
        try {
            JWKSource<SecurityContext> keys = JWKSourceBuilder.create(metadata.getJWKSetURI().toURL(),
                            new DefaultResourceRetriever((int) settings.connectTimeout().toMillis(),
                                    (int) settings.readTimeout().toMillis(), MAX_RESPONSE_BYTES))
                    .retrying(false)
                    .build();
            IDTokenValidator validator = new IDTokenValidator(metadata.getIssuer(), new ClientID(settings.clientId()),
                    new JWSVerificationKeySelector<>(algorithms, keys), null);
            return new Discovered(metadata, validator);
        } catch (MalformedURLException e) {
            throw SignInRefused.providerAnswer(settings.id() + "'s JWKS address is not a URL.");
        }
    }
}
