package dev.onair.logins.control;

import dev.onair.shared.Settings;
import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** The login history's settings ({@code onair.logins.*}): whether it is recorded, and how long it is kept. */
@Settings.Prefix("onair.logins")
@Dependent
public class LoginConfig extends Settings.Bound {

    @ConfigProperty(name = "record")
    String record;

    @ConfigProperty(name = "retention")
    Duration retention;

    @ConfigProperty(name = "purge-interval")
    Duration purgeInterval;

    @Override
    public void check() {
        Settings.bool("onair.logins.record", record);
        Settings.positive("onair.logins.retention", retention);
        Settings.positive("onair.logins.purge-interval", purgeInterval);
    }

    /** Off only to measure what recording costs (bench/sign-in); the history is the audit trail. */
    public boolean record() {
        return Settings.bool("onair.logins.record", record);
    }

    public Duration retention() {
        return retention;
    }

    public Duration purgeInterval() {
        return purgeInterval;
    }
}
