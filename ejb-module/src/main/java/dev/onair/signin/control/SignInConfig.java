package dev.onair.signin.control;

import dev.onair.shared.Settings;
import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Sign-in's settings ({@code onair.auth.*}) whose names are fixed: the providers offered, where a
 * sign-in may go and come back, how long its parts live, OnAir's own tokens and their keys. A
 * provider's own settings ({@code onair.auth.<id>.*}) are named after it and read by
 * {@link ProviderSettings}.
 */
@Settings.Prefix("onair.auth")
@Dependent
public class SignInConfig extends Settings.Bound {

    /** The longest an access token may live: a disabled account or a revoked session must stop working soon. */
    public static final Duration MAX_ACCESS_TOKEN_TTL = Duration.ofMinutes(15);

    @ConfigProperty(name = "providers")
    List<String> providers;

    @ConfigProperty(name = "redirect-uris")
    Optional<List<String>> redirectUris;

    @ConfigProperty(name = "return-to-origins")
    Optional<List<String>> returnToOrigins;

    @ConfigProperty(name = "state-ttl")
    Duration stateTtl;

    @ConfigProperty(name = "http.connect-timeout")
    Duration connectTimeout;

    @ConfigProperty(name = "http.read-timeout")
    Duration readTimeout;

    @ConfigProperty(name = "issuer")
    String issuer;

    @ConfigProperty(name = "audience")
    String audience;

    @ConfigProperty(name = "access-token-ttl")
    Duration accessTokenTtl;

    @ConfigProperty(name = "refresh-token-ttl")
    Duration refreshTokenTtl;

    @ConfigProperty(name = "signing-key")
    Optional<String> signingKey;

    @ConfigProperty(name = "previous-signing-key")
    Optional<String> previousSigningKey;

    @ConfigProperty(name = "purge-interval")
    Duration purgeInterval;

    @ConfigProperty(name = "client-state-refresh")
    Duration clientStateRefresh;

    @Override
    public void check() {
        redirectUris().forEach(uri -> Settings.httpUrl("onair.auth.redirect-uris", uri));
        returnToOrigins().forEach(origin -> Settings.httpUrl("onair.auth.return-to-origins", origin));
        Settings.positive("onair.auth.state-ttl", stateTtl);
        Settings.positive("onair.auth.http.connect-timeout", connectTimeout);
        Settings.positive("onair.auth.http.read-timeout", readTimeout);
        if (Settings.positive("onair.auth.access-token-ttl", accessTokenTtl).compareTo(MAX_ACCESS_TOKEN_TTL) > 0) {
            throw new Settings.InvalidSetting("onair.auth.access-token-ttl", "at most " + MAX_ACCESS_TOKEN_TTL, accessTokenTtl);
        }
        Settings.positive("onair.auth.refresh-token-ttl", refreshTokenTtl);
        Settings.positive("onair.auth.purge-interval", purgeInterval);
        Settings.positive("onair.auth.client-state-refresh", clientStateRefresh);
    }

    /** The ids of the providers offered, in order. */
    public List<String> providers() {
        return Settings.entries(Optional.of(providers));
    }

    /** The callback addresses allowed, exactly as registered at the providers; empty: this machine's. */
    public List<String> redirectUris() {
        return Settings.entries(redirectUris);
    }

    public List<String> returnToOrigins() {
        return Settings.entries(returnToOrigins);
    }

    public Duration stateTtl() {
        return stateTtl;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    public String issuer() {
        return issuer.trim();
    }

    public String audience() {
        return audience.trim();
    }

    public Duration accessTokenTtl() {
        return accessTokenTtl;
    }

    public Duration refreshTokenTtl() {
        return refreshTokenTtl;
    }

    public Optional<String> signingKey() {
        return signingKey.map(String::trim).filter(s -> !s.isEmpty());
    }

    public Optional<String> previousSigningKey() {
        return previousSigningKey.map(String::trim).filter(s -> !s.isEmpty());
    }

    public Duration purgeInterval() {
        return purgeInterval;
    }

    /** How old a node's knowledge of an API client may be before it reads it again (how soon a revocation bites). */
    public Duration clientStateRefresh() {
        return clientStateRefresh;
    }
}
