package dev.onair.container;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The production EAR as built by app-ear, with the test classes (and any test observer) added
 * to its web module: what runs in the container is the real application.
 */
final class Deployments {

    private static final String WEB_MODULE = "/web-war.war";

    private Deployments() {
    }

    static EnterpriseArchive onairWith(Class<?>... testClasses) {
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("onair.ear")));
        WebArchive web = ear.getAsType(WebArchive.class, WEB_MODULE);
        web.addClasses(testClasses);
        web.addClass(Deployments.class);
        ear.delete(WEB_MODULE);
        ear.addAsModule(web);
        // Arquillian's Liberty container calls the test servlet under the module's name.
        String applicationXml = read(ear, "/META-INF/application.xml")
                .replace("<context-root>/</context-root>", "<context-root>/web-war</context-root>");
        ear.setApplicationXML(new StringAsset(applicationXml));
        return ear;
    }

    private static String read(EnterpriseArchive ear, String path) {
        try (InputStream in = ear.get(path).getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
