package dev.onair.ingest.boundary;

import dev.onair.ingest.control.IngestSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Whom OnAir trusts as its ingest nginx when a callback arrives on the internal listener: the
 * connection's peer on loopback or in {@code onair.ingest.callback-hosts} (remote ingest hosts),
 * presenting the callback secret OnAir wrote into nginx's configuration.
 */
@ApplicationScoped
public class CallbackTrust {

    @Inject
    IngestSettings settings;

    /** Whether {@code presented} is the secret of OnAir's ingest nginx (compared in constant time). */
    public boolean isCallbackSecret(String presented) {
        return settings.isCallbackSecret(presented);
    }

    /** Addresses or CIDR blocks besides loopback that may call the callbacks. */
    public List<String> callbackHosts() {
        return settings.callbackHosts();
    }
}
