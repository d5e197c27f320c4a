package dev.onair.shared;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Base64;

/** PEM text (RFC 7468) for the keys and certificates OnAir writes to files. */
public final class PemEncoding {

    /** PEM's line length (RFC 7468). */
    private static final int LINE_LENGTH = 64;
    private static final int RSA_KEY_BITS = 2048;

    private PemEncoding() {
    }

    /** {@code der} as a PEM block labelled {@code label} ("PRIVATE KEY", "CERTIFICATE"), 64 characters a line. */
    public static String encode(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(LINE_LENGTH, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    /** A new 2048-bit RSA private key as PKCS#8 PEM. */
    public static String newRsaPrivateKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_KEY_BITS);
            return encode("PRIVATE KEY", generator.generateKeyPair().getPrivate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every Java runtime", e);
        }
    }
}
