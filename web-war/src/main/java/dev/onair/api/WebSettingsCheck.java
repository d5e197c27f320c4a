package dev.onair.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * Checks the web tier's settings when the web module starts, as {@code dev.onair.shared.SettingsCheck}
 * checks the components': a wrong trusted proxy or rate limit stops OnAir with the key's name
 * instead of being found on the first request. Making the bean binds and checks it.
 */
@ApplicationScoped
public class WebSettingsCheck {

    private static final Logger LOG = Logger.getLogger(WebSettingsCheck.class.getName());

    @Inject
    WebConfig settings;

    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LOG.info(() -> "The web tier's settings checked: " + settings.trustedProxies().size() + " trusted proxies, rate limits "
                + settings.limit(RateLimits.Group.SIGN_IN) + " to sign in, " + settings.limit(RateLimits.Group.REFRESH) + " to refresh");
    }
}
