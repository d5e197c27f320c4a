package dev.onair.shared;

import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;

/**
 * This node's own settings, which several components read: its data folder (through
 * {@link DataFolders}), its listeners, and the nginx program both of its nginx processes run.
 */
@Settings.Prefix("onair")
@Dependent
public class NodeConfig extends Settings.Bound {

    @ConfigProperty(name = "data.dir")
    String dataDir;

    @ConfigProperty(name = "internal.host")
    String internalHost;

    @ConfigProperty(name = "internal.port")
    int internalPort;

    @ConfigProperty(name = "http.port")
    int httpPort;

    @ConfigProperty(name = "https.port")
    int httpsPort;

    @ConfigProperty(name = "ingest.nginx.binary")
    String nginxBinary;

    @Override
    public void check() {
        Settings.port("onair.internal.port", internalPort);
        Settings.port("onair.http.port", httpPort);
        Settings.port("onair.https.port", httpsPort);
        if (dataDir.isBlank()) {
            throw new Settings.InvalidSetting("onair.data.dir", "a folder", dataDir);
        }
    }

    Path dataFolder() {
        return Path.of(dataDir.trim()).toAbsolutePath().normalize();
    }

    public int httpPort() {
        return httpPort;
    }

    public int httpsPort() {
        return httpsPort;
    }

    public int internalPort() {
        return internalPort;
    }

    public Path nginxBinary() {
        return Path.of(nginxBinary.trim());
    }

    /** The internal listener as an nginx on this host reaches it: its own address, or loopback when it listens on every address. */
    public String internalBaseUrl() {
        String host = internalHost.trim();
        if (host.isEmpty() || host.equals("*") || host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        } else if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + internalPort;
    }
}
