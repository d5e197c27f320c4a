package dev.onair.shared;

/**
 * Whole numbers in query parameters ({@code page}, {@code size}, {@code after}, {@code limit}):
 * digits with an optional sign, refused by their text before they are read (a long run of digits,
 * a control character, a Unicode digit), then by their range, each refusal naming the field.
 */
public final class QueryNumbers {

    /** A query number written longer than this is refused before it is read. */
    private static final int MAX_TEXT = 20;

    private QueryNumbers() {
    }

    /** {@code value} as a number from {@code min} to {@code max}; {@code fallback} when absent or empty. */
    public static long whole(String field, String value, long fallback, long min, long max) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        if (value.length() > MAX_TEXT || !value.matches("[+-]?[0-9]+")) {
            throw InvalidInput.of(field, "must be a whole number");
        }
        String digits = value.replaceFirst("^[+-]?0*", "");
        long number;
        try {
            number = digits.isEmpty() ? 0 : Long.parseLong(value.startsWith("-") ? "-" + digits : digits);
        } catch (NumberFormatException beyondLong) {
            throw outOfRange(field, min, max);
        }
        if (number < min || number > max) {
            throw outOfRange(field, min, max);
        }
        return number;
    }

    private static InvalidInput outOfRange(String field, long min, long max) {
        return InvalidInput.of(field, "must be " + min + " to " + max);
    }
}
