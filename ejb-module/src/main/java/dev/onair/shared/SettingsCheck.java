package dev.onair.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.Map;
import java.util.logging.Logger;

/**
 * Checks every component's settings when the application starts, so that a wrong value stops
 * OnAir at once with the key's name instead of failing the first broadcast hours later. Each component's settings bean ({@link Settings.Bound}) is made here once, which binds it and
 * applies its rules. It also warns about keys that were renamed: the old name still works.
 */
@ApplicationScoped
public class SettingsCheck {

    private static final Logger LOG = Logger.getLogger(SettingsCheck.class.getName());

    /** Keys that were renamed, old name to new; the new key's default reads the old one. */
    static final Map<String, String> RENAMED = Map.of(
            "onair.ingest.reconnect-window", "onair.channels.reconnect-window",
            "onair.ingest.max-broadcast", "onair.channels.max-broadcast");

    @Inject
    BeanManager beans;

    @Inject
    Config config;

    void atStart(@Observes Startup startup) {
        RENAMED.forEach((old, now) -> {
            if (config.getOptionalValue(old, String.class).isPresent()) {
                LOG.warning(old + " is deprecated and will go: set " + now + " instead (it takes the old value meanwhile)");
            }
        });
        int checked = 0;
        for (Bean<?> bean : beans.getBeans(Settings.Checked.class, Any.Literal.INSTANCE)) {
            CreationalContext<?> context = beans.createCreationalContext(bean);
            try {
                ((Settings.Checked) beans.getReference(bean, Settings.Checked.class, context)).check();
                checked++;
            } finally {
                context.release();
            }
        }
        int components = checked;
        LOG.info(() -> "OnAir's settings checked (" + components + " components)");
    }
}
