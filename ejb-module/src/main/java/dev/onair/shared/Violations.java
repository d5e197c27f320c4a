package dev.onair.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Collects every broken rule of one request so the caller learns them all at once, then
 * throws {@link InvalidInput}. Text is measured in code points: "방송 🎮" is four characters,
 * as a person counts it, not six UTF-16 units.
 */
public final class Violations {

    private final List<FieldError> errors = new ArrayList<>();

    public Violations add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    /**
     * Checks free text: present (when {@code min > 0}), between {@code min} and {@code max}
     * characters, well-formed Unicode, and free of control characters other than line breaks
     * and tabs where {@code multiline}.
     */
    public Violations text(String field, String value, int min, int max, boolean multiline) {
        if (value == null) {
            if (min > 0) {
                add(field, "is required");
            }
            return this;
        }
        int length = value.codePointCount(0, value.length());
        if (min > 0 && value.isBlank()) {
            add(field, "must not be blank");
        } else if (length < min || length > max) {
            add(field, "must be " + min + " to " + max + " characters long (was " + length + ")");
        } else if (!wellFormed(value, multiline)) {
            add(field, multiline
                    ? "must not contain control characters other than line breaks and tabs"
                    : "must not contain line breaks or control characters");
        }
        return this;
    }

    /** The fields named so far. */
    public Set<String> fields() {
        return errors.stream().map(FieldError::field).collect(Collectors.toSet());
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    static boolean wellFormed(String value, boolean multiline) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            } else if (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                return false;
            }
        }
        return true;
    }
}
