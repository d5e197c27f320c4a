package dev.onair.ingest.control;

import dev.onair.shared.Digests;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The arithmetic of stream keys, free of storage and configuration.
 * <ul>
 * <li>salt: 32 bytes from {@link SecureRandom}, fresh on every issue and rotation;</li>
 * <li>secret: base64url(HMAC-SHA256(master secret, account id | salt)), 256 bits;</li>
 * <li>stored hash: hex(SHA-256(secret)); a fast hash suffices since the secret is random and
 *     long, and it is compared in constant time.</li>
 * </ul>
 */
public final class StreamKeyDerivation {

    /** Characters of a key's public name (the stream name nginx sees). */
    static final int PUBLIC_NAME_LENGTH = 16;

    public static final int SALT_BYTES = 32;
    public static final int MASTER_SECRET_MIN_BYTES = 32;
    /** Public names: lower-case letters and digits, safe in URLs, paths and nginx stream names. */
    public static final String PUBLIC_NAME_PATTERN = "[a-z0-9]{16}";

    private static final char[] NAME_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec masterKey;
    private final SecureRandom random;

    public StreamKeyDerivation(byte[] masterSecret, SecureRandom random) {
        if (masterSecret == null || masterSecret.length < MASTER_SECRET_MIN_BYTES) {
            throw new IllegalArgumentException("the stream-key master secret needs at least "
                    + MASTER_SECRET_MIN_BYTES + " bytes");
        }
        this.masterKey = new SecretKeySpec(masterSecret, "HmacSHA256");
        this.random = random;
    }

    public String newSalt() {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return BASE64URL.encodeToString(salt);
    }

    public String newPublicName() {
        char[] name = new char[PUBLIC_NAME_LENGTH];
        for (int i = 0; i < name.length; i++) {
            name[i] = NAME_ALPHABET[random.nextInt(NAME_ALPHABET.length)];
        }
        return new String(name);
    }

    public String secret(String accountId, String salt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(masterKey);
            mac.update("onair-stream-key-v1".getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 0);
            mac.update(accountId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return BASE64URL.encodeToString(mac.doFinal(salt.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** The OBS "stream key" field: the public name, then the secret as a query argument. */
    public static String streamKey(String publicName, String secret) {
        return publicName + "?key=" + secret;
    }

    public static String hash(String secret) {
        return Digests.sha256Hex(secret);
    }

    /** Whether {@code presented} is the secret behind {@code storedHash}, in time independent of where they differ. */
    public static boolean matches(String presented, String storedHash) {
        if (presented == null || storedHash == null) {
            return false;
        }
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(storedHash);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(Digests.sha256(presented), expected);
    }
}
