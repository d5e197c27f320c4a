package dev.onair.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import java.nio.file.Path;

/**
 * The one producer of the data folder: Derby's databases, the generated secrets, nginx's and the
 * edge's folders and the HLS that nginx cuts live under it unless a setting puts them elsewhere.
 */
@ApplicationScoped
public class DataFolders {

    @Inject
    NodeConfig node;

    @Produces
    @DataFolder
    Path dataFolder() {
        return node.dataFolder();
    }
}
