package dev.onair.signin.control;

import dev.onair.signin.entity.SignInRefused;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The sign-in providers on offer: those {@code onair.auth.providers} names that have a client id.
 * One that is named but not registered (no client id) is left out with a log line, so a fresh
 * one-machine OnAir starts without any registration.
 */
@ApplicationScoped
public class Providers {

    private static final Logger LOG = Logger.getLogger(Providers.class.getName());

    @Inject
    Config config;

    @Inject
    SignInConfig settings;

    private final Map<String, SignInProvider> providers = new LinkedHashMap<>();

    @PostConstruct
    void load() {
        for (String name : settings.providers()) {
            String id = name.trim();
            if (!id.matches("[a-z][a-z0-9-]{0,39}")) {
                LOG.warning(() -> "onair.auth.providers: '" + id + "' is not a provider id ([a-z][a-z0-9-]*); skipped");
                continue;
            }
            Optional<ProviderSettings> provider;
            try {
                provider = ProviderSettings.from(config, id, settings.connectTimeout(), settings.readTimeout());
            } catch (IllegalArgumentException e) {
                LOG.warning(() -> "Sign-in with " + id + " is off: " + e.getMessage());
                continue;
            }
            if (provider.isEmpty()) {
                LOG.info(() -> "Sign-in with " + id + " is off: onair.auth." + id + ".client-id is not set");
                continue;
            }
            List<String> missing = provider.get().missing();
            if (!missing.isEmpty()) {
                LOG.warning(() -> "Sign-in with " + id + " is off: " + String.join(", ", missing) + " not set");
                continue;
            }
            providers.put(id, switch (provider.get().protocol()) {
                case OIDC -> new OidcProvider(provider.get());
                case KAKAO -> new KakaoProvider(provider.get());
            });
            LOG.info(() -> "Sign-in with " + id + ": " + provider.get());
        }
    }

    public SignInProvider get(String id) {
        SignInProvider provider = id == null ? null : providers.get(id);
        if (provider == null) {
            throw SignInRefused.unknownProvider(id == null ? "" : ProviderCalls.safe(id));
        }
        return provider;
    }

    public List<String> ids() {
        return List.copyOf(providers.keySet());
    }
}
