package dev.onair.ingest.control;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamKeyDerivationTest {

    private static byte[] master(int fill) {
        byte[] secret = new byte[32];
        java.util.Arrays.fill(secret, (byte) fill);
        return secret;
    }

    private final StreamKeyDerivation derivation = new StreamKeyDerivation(master(7), new SecureRandom());

    @Test
    void theSameSaltGivesTheSameSecretSoTheOwnerSeesItAgain() {
        String salt = derivation.newSalt();
        assertEquals(derivation.secret("account-1", salt), derivation.secret("account-1", salt));
    }

    @Test
    void aNewSaltGivesAnUnrelatedSecret() {
        String first = derivation.secret("account-1", derivation.newSalt());
        String second = derivation.secret("account-1", derivation.newSalt());
        assertNotEquals(first, second);
        assertFalse(StreamKeyDerivation.matches(first, StreamKeyDerivation.hash(second)));
    }

    @Test
    void theSecretDependsOnTheMasterSecretAndTheAccount() {
        String salt = derivation.newSalt();
        StreamKeyDerivation other = new StreamKeyDerivation(master(8), new SecureRandom());
        assertNotEquals(derivation.secret("account-1", salt), other.secret("account-1", salt));
        assertNotEquals(derivation.secret("account-1", salt), derivation.secret("account-2", salt));
    }

    @Test
    void secretsCarry256BitsAndSaltsAreFreshRandomness() {
        String secret = derivation.secret("account-1", derivation.newSalt());
        assertEquals(32, Base64.getUrlDecoder().decode(secret).length);
        Set<String> salts = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            salts.add(derivation.newSalt());
        }
        assertEquals(1000, salts.size());
        assertEquals(32, Base64.getUrlDecoder().decode(derivation.newSalt()).length);
    }

    @Test
    void onlyTheExactSecretMatchesItsHash() {
        String secret = derivation.secret("account-1", derivation.newSalt());
        String hash = StreamKeyDerivation.hash(secret);
        assertTrue(StreamKeyDerivation.matches(secret, hash));
        assertFalse(StreamKeyDerivation.matches(secret + "x", hash));
        assertFalse(StreamKeyDerivation.matches(secret.substring(1), hash));
        assertFalse(StreamKeyDerivation.matches("", hash));
        assertFalse(StreamKeyDerivation.matches(null, hash));
        assertFalse(StreamKeyDerivation.matches(secret, "not hex"));
        assertFalse(hash.contains(secret));
    }

    @Test
    void theStreamKeyKeepsTheSecretOutOfTheStreamName() {
        String key = StreamKeyDerivation.streamKey("abcdefgh12345678", "s3cr3t");
        assertEquals("abcdefgh12345678?key=s3cr3t", key);
    }

    @Test
    void publicNamesAreSafeInPathsAndUrls() {
        for (int i = 0; i < 200; i++) {
            assertTrue(derivation.newPublicName().matches(StreamKeyDerivation.PUBLIC_NAME_PATTERN));
        }
    }

    @Test
    void aShortMasterSecretIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new StreamKeyDerivation(new byte[16], new SecureRandom()));
    }
}
