package dev.onair.delivery.control;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a CloudFront custom-policy signature as CloudFront does: the policy (URL-safe Base64
 * with CloudFront's substitutions) is signed with the key pair's RSA private key; its one
 * statement's resource (with {@code *} and {@code ?} wildcards) must match the URL, and the
 * time must be before its {@code DateLessThan} and not before its {@code DateGreaterThan}. For
 * the local edge, which stands in for CloudFront, and for tests of the signed URLs OnAir gives.
 */
public final class SignedPolicy {

    public static final String POLICY = "Policy";
    public static final String SIGNATURE = "Signature";
    public static final String KEY_PAIR_ID = "Key-Pair-Id";
    public static final String HASH_ALGORITHM = "Hash-Algorithm";

    private SignedPolicy() {
    }

    /**
     * Why {@code url} may not be served with these signature parameters ({@code Policy},
     * {@code Signature}, {@code Key-Pair-Id}, optionally {@code Hash-Algorithm}); empty when it may.
     */
    public static Optional<String> refusal(String url, Map<String, String> params, PublicKey key, String keyPairId, Instant now) {
        String policy64 = params.get(POLICY);
        String signature64 = params.get(SIGNATURE);
        if (policy64 == null || signature64 == null || params.get(KEY_PAIR_ID) == null) {
            return Optional.of("no signature");
        }
        if (!keyPairId.equals(params.get(KEY_PAIR_ID))) {
            return Optional.of("unknown key pair");
        }
        byte[] policyBytes;
        byte[] signature;
        try {
            policyBytes = decode(policy64);
            signature = decode(signature64);
        } catch (IllegalArgumentException e) {
            return Optional.of("malformed policy or signature");
        }
        String algorithm = "SHA256".equalsIgnoreCase(params.get(HASH_ALGORITHM)) ? "SHA256withRSA" : "SHA1withRSA";
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(key);
            verifier.update(policyBytes);
            if (!verifier.verify(signature)) {
                return Optional.of("bad signature");
            }
        } catch (GeneralSecurityException e) {
            return Optional.of("bad signature");
        }
        JsonObject statement;
        try (JsonReader reader = Json.createReader(new StringReader(new String(policyBytes, StandardCharsets.UTF_8)))) {
            var statements = reader.readObject().getJsonArray("Statement");
            if (statements == null || statements.size() != 1) {
                return Optional.of("the policy must have one statement");
            }
            statement = statements.getJsonObject(0);
        } catch (RuntimeException e) {
            return Optional.of("malformed policy");
        }
        String resource = statement.getString("Resource", null);
        if (resource == null || !glob(resource).matcher(url).matches()) {
            return Optional.of("the policy does not cover this URL");
        }
        JsonObject condition = statement.getJsonObject("Condition");
        Long lessThan = epoch(condition, "DateLessThan");
        if (lessThan == null) {
            return Optional.of("the policy has no expiry");
        }
        if (now.getEpochSecond() >= lessThan) {
            return Optional.of("expired");
        }
        Long greaterThan = epoch(condition, "DateGreaterThan");
        if (greaterThan != null && now.getEpochSecond() < greaterThan) {
            return Optional.of("not valid yet");
        }
        return Optional.empty();
    }

    private static Long epoch(JsonObject condition, String name) {
        if (condition == null || !(condition.get(name) instanceof JsonObject date)) {
            return null;
        }
        JsonValue value = date.get("AWS:EpochTime");
        return value instanceof JsonNumber number ? number.longValueExact() : null;
    }

    /** CloudFront's URL-safe Base64: '-' for '+', '_' for '=', '~' for '/'. */
    static byte[] decode(String value) {
        return Base64.getDecoder().decode(value.replace('-', '+').replace('_', '=').replace('~', '/'));
    }

    private static Pattern glob(String resource) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : resource.toCharArray()) {
            if (c == '*' || c == '?') {
                regex.append(Pattern.quote(literal.toString())).append(c == '*' ? ".*" : ".");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
