package dev.onair.shared;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Base64;

/** PEM text (RFC 7468) for the keys and certificates OnAir writes to files. */
public final class PemEncoding {

    private PemEncoding() {
    }

    /** {@code der} as a PEM block labelled {@code label} ("PRIVATE KEY", "CERTIFICATE"), 64 characters a line. */
    public static String encode(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    /** A new 2048-bit RSA private key as PKCS#8 PEM. */
    public static String newRsaPrivateKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return encode("PRIVATE KEY", generator.generateKeyPair().getPrivate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every Java runtime", e);
        }
    }
}
