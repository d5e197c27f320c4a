package dev.onair.shared;

/** One offending input field and what is wrong with it, in words a client developer can use. */
public record FieldError(String field, String message) {
}
