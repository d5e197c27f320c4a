package dev.onair.signin.control;

import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A provider's settings, all from MicroProfile Config under {@code onair.auth.<id>.}: adding an
 * OpenID Connect provider takes configuration only. Kakao's and Google's public endpoints are
 * the defaults of the providers called {@code kakao} and {@code google}.
 */
public record ProviderSettings(String id, Protocol protocol, String clientId, Optional<String> clientSecret,
                               List<String> scopes, URI discoveryUri, URI authorizationEndpoint,
                               URI tokenEndpoint, URI userInfoEndpoint, List<String> idTokenAlgorithms,
                               List<String> nameClaims, Duration connectTimeout, Duration readTimeout) {

    public enum Protocol { OIDC, KAKAO }

    static final String GOOGLE_DISCOVERY = "https://accounts.google.com/.well-known/openid-configuration";
    static final String KAKAO_AUTHORIZE = "https://kauth.kakao.com/oauth/authorize";
    static final String KAKAO_TOKEN = "https://kauth.kakao.com/oauth/token";
    static final String KAKAO_USER = "https://kapi.kakao.com/v2/user/me";
    /** The id_token claims a display name is taken from, the first one present (OpenID Connect). */
    static final List<String> NAME_CLAIMS = List.of("name", "preferred_username", "nickname");

    /** The settings of provider {@code id}, or empty when it has no client id (not registered). */
    public static Optional<ProviderSettings> from(Config config, String id, Duration connect, Duration read) {
        String prefix = "onair.auth." + id + ".";
        Optional<String> clientId = config.getOptionalValue(prefix + "client-id", String.class).filter(s -> !s.isBlank());
        if (clientId.isEmpty()) {
            return Optional.empty();
        }
        Protocol protocol = config.getOptionalValue(prefix + "protocol", String.class)
                .map(p -> switch (p.trim().toLowerCase(Locale.ROOT)) {
                    case "oidc" -> Protocol.OIDC;
                    case "kakao" -> Protocol.KAKAO;
                    default -> throw new IllegalArgumentException(prefix + "protocol must be oidc or kakao, not '" + p + "'");
                })
                .orElse("kakao".equals(id) ? Protocol.KAKAO : Protocol.OIDC);
        List<String> scopes = config.getOptionalValues(prefix + "scopes", String.class)
                .orElse(protocol == Protocol.OIDC ? List.of("openid", "email", "profile") : List.of());
        return Optional.of(new ProviderSettings(id, protocol, clientId.get().trim(),
                config.getOptionalValue(prefix + "client-secret", String.class).filter(s -> !s.isBlank()),
                scopes,
                uri(config, prefix + "discovery-uri", "google".equals(id) ? GOOGLE_DISCOVERY : null),
                uri(config, prefix + "authorization-endpoint", protocol == Protocol.KAKAO ? KAKAO_AUTHORIZE : null),
                uri(config, prefix + "token-endpoint", protocol == Protocol.KAKAO ? KAKAO_TOKEN : null),
                uri(config, prefix + "user-info-endpoint", protocol == Protocol.KAKAO ? KAKAO_USER : null),
                config.getOptionalValues(prefix + "id-token-algorithms", String.class).orElse(List.of("RS256")),
                config.getOptionalValues(prefix + "name-claims", String.class).orElse(NAME_CLAIMS).stream()
                        .map(String::trim).filter(c -> !c.isEmpty()).toList(),
                connect, read));
    }

    private static URI uri(Config config, String key, String fallback) {
        return config.getOptionalValue(key, String.class).filter(s -> !s.isBlank()).or(() -> Optional.ofNullable(fallback))
                .map(String::trim).map(URI::create).orElse(null);
    }

    /** The settings a provider of this protocol cannot work without, named for the operator. */
    public List<String> missing() {
        String prefix = "onair.auth." + id + ".";
        if (protocol == Protocol.OIDC) {
            return discoveryUri == null ? List.of(prefix + "discovery-uri") : List.of();
        }
        List<String> missing = new ArrayList<>();
        if (authorizationEndpoint == null) missing.add(prefix + "authorization-endpoint");
        if (tokenEndpoint == null) missing.add(prefix + "token-endpoint");
        if (userInfoEndpoint == null) missing.add(prefix + "user-info-endpoint");
        return missing;
    }

    @Override
    public String toString() {
        return "ProviderSettings[" + id + ", " + protocol + ", clientId=" + clientId + ", secret="
                + (clientSecret.isPresent() ? "set" : "none") + "]";
    }
}
