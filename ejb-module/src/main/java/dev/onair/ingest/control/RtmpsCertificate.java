package dev.onair.ingest.control;

import dev.onair.shared.PemEncoding;
import dev.onair.shared.SecretFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The certificate nginx ends RTMPS with. Configured as PEM files
 * ({@code onair.ingest.rtmps.certificate}, {@code onair.ingest.rtmps.certificate-key}), or by
 * default the HTTPS keystore's ({@code onair.tls.keystore}, Liberty's generated one in
 * development): its key and chain are written as PEM into nginx's folder (owner-only) and again
 * whenever the keystore changes, so that HTTPS and RTMPS show the same certificate.
 */
@ApplicationScoped
public class RtmpsCertificate {

    private static final Logger LOG = Logger.getLogger(RtmpsCertificate.class.getName());

    /** The two files nginx reads. */
    public record Pem(Path certificate, Path key) {
    }

    @Inject
    Config config;

    @Inject
    IngestConfig values;

    private FileTime exportedFrom;
    private String lastProblem;

    /** The PEM files, exporting them from the keystore when needed; empty (and logged once) when there is no usable certificate. */
    public synchronized Optional<Pem> files(Path nginxDir) {
        Optional<String> certificate = values.rtmpsCertificate.map(String::trim);
        Optional<String> key = values.rtmpsCertificateKey.map(String::trim);
        if (certificate.isPresent() && key.isPresent()) {
            return Optional.of(new Pem(Path.of(certificate.get()).toAbsolutePath(), Path.of(key.get()).toAbsolutePath()));
        }
        Path keystore = keystore();
        if (keystore == null || !Files.isReadable(keystore)) {
            return problem("the HTTPS keystore " + keystore + " is not there (yet); set onair.ingest.rtmps.certificate and -key");
        }
        Pem pem = new Pem(nginxDir.resolve("tls/rtmps.crt"), nginxDir.resolve("tls/rtmps.key"));
        try {
            FileTime modified = Files.getLastModifiedTime(keystore);
            if (modified.equals(exportedFrom) && Files.exists(pem.certificate()) && Files.exists(pem.key())) {
                return Optional.of(pem);
            }
            export(keystore, password(), pem);
            exportedFrom = modified;
            lastProblem = null;
            LOG.info(() -> "RTMPS uses the certificate of the HTTPS keystore " + keystore);
            return Optional.of(pem);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return problem("the HTTPS keystore " + keystore + " cannot be read: " + e.getMessage());
        }
    }

    private Optional<Pem> problem(String problem) {
        if (!problem.equals(lastProblem)) {
            LOG.log(Level.WARNING, "RTMPS is off: {0}", problem);
            lastProblem = problem;
        }
        return Optional.empty();
    }

    private static void export(Path keystore, char[] password, Pem pem) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password);
        }
        for (String alias : Collections.list(store.aliases())) {
            if (!store.isKeyEntry(alias)) {
                continue;
            }
            Key key = store.getKey(alias, password);
            Certificate[] chain = store.getCertificateChain(alias);
            if (!(key instanceof PrivateKey) || chain == null || chain.length == 0) {
                continue;
            }
            StringBuilder certificates = new StringBuilder();
            for (Certificate certificate : chain) {
                certificates.append(PemEncoding.encode("CERTIFICATE", certificate.getEncoded()));
            }
            Files.createDirectories(pem.certificate().getParent());
            SecretFiles.replace(pem.certificate(), certificates.toString());
            SecretFiles.replace(pem.key(), PemEncoding.encode("PRIVATE KEY", key.getEncoded()));
            return;
        }
        throw new GeneralSecurityException("it holds no private key with a certificate");
    }


    /** {@code onair.tls.keystore}, else Liberty's generated keystore in the server's output folder. */
    private Path keystore() {
        return value("onair.tls.keystore").map(Path::of)
                .or(() -> value("server.output.dir").map(dir -> Path.of(dir, "resources", "security", "key.p12")))
                .orElse(null);
    }

    /** {@code onair.tls.keystore.password}, else the password Liberty generated into server.env. */
    private char[] password() {
        return value("onair.tls.keystore.password").or(() -> value("keystore_password")).orElse("").toCharArray();
    }

    /** A configured value, unless it is empty or a Liberty variable nobody resolved. */
    private Optional<String> value(String key) {
        return config.getOptionalValue(key, String.class).map(String::trim)
                .filter(v -> !v.isEmpty() && !v.contains("${"));
    }
}
