package dev.onair.shared;

import java.util.List;
import java.util.Map;

/** Input that breaks a rule; names every offending field at once. */
public class InvalidInput extends DomainException {

    private final List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        super(Kind.INVALID, "invalid-request", "The request is not valid",
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are not valid");
        this.errors = List.copyOf(errors);
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() { return errors; }

    @Override
    public Map<String, Object> details() {
        return Map.of("errors", errors);
    }
}
