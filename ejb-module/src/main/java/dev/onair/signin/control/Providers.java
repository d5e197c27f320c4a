package dev.onair.signin.control;

import dev.onair.signin.entity.SignInRefused;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
    @ConfigProperty(name = "onair.auth.providers", defaultValue = "kakao,google")
    List<String> names;

    private final Map<String, SignInProvider> providers = new LinkedHashMap<>();

    @PostConstruct
    void load() {
        for (String name : names) {
            String id = name.trim();
            if (!id.matches("[a-z][a-z0-9-]{0,39}")) {
                LOG.warning(() -> "onair.auth.providers: '" + id + "' is not a provider id ([a-z][a-z0-9-]*); skipped");
                continue;
            }
            Optional<ProviderSettings> settings;
            try {
                settings = ProviderSettings.from(config, id);
            } catch (IllegalArgumentException e) {
                LOG.warning(() -> "Sign-in with " + id + " is off: " + e.getMessage());
                continue;
            }
            if (settings.isEmpty()) {
                LOG.info(() -> "Sign-in with " + id + " is off: onair.auth." + id + ".client-id is not set");
                continue;
            }
            List<String> missing = settings.get().missing();
            if (!missing.isEmpty()) {
                LOG.warning(() -> "Sign-in with " + id + " is off: " + String.join(", ", missing) + " not set");
                continue;
            }
            providers.put(id, switch (settings.get().protocol()) {
                case OIDC -> new OidcProvider(settings.get());
                case KAKAO -> new KakaoProvider(settings.get());
            });
            LOG.info(() -> "Sign-in with " + id + ": " + settings.get());
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
