package dev.onair.api;

import dev.onair.shared.DomainException;
import dev.onair.shared.FieldError;
import dev.onair.shared.InvalidInput;
import dev.onair.shared.TooLarge;
import dev.onair.shared.Violations;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A JSON request body read strictly: it must be one JSON object of known fields, each of the
 * expected type. Every problem is reported at once, by field name. Reading stops at
 * {@link #MAX_BYTES} (a larger body is a 413), so no request can make the server buffer more than that.
 */
public final class JsonBody {

    public static final int MAX_BYTES = 64 * 1024;

    /**
     * Looked up once: {@code Json.createParser} searches for a provider on every call, which
     * costs more than parsing a small body.
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    private final JsonObject object;
    private final Violations violations = new Violations();

    private JsonBody(JsonObject object) {
        this.object = object;
    }

    /** Reads {@code in} as a JSON object whose fields are all among {@code known}. */
    public static JsonBody read(InputStream in, Set<String> known) {
        byte[] bytes = readBounded(in);
        if (bytes.length == 0) {
            throw new MalformedBody("the request needs a JSON object body");
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new MalformedBody("the body is not valid UTF-8");
        }
        JsonObject object;
        try (JsonParser parser = JSON.createParser(new ByteArrayInputStream(bytes))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new MalformedBody("the body must be a JSON object");
            }
            object = parser.getObject();
            if (parser.hasNext()) {
                throw new MalformedBody("the body must be one JSON object, with nothing after it");
            }
        } catch (MalformedBody e) {
            throw e;
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            throw new MalformedBody("the body is not well-formed JSON");
        } catch (RuntimeException e) {
            // the parser's own limits: a number of thousands of digits, nesting a thousand deep
            throw new MalformedBody("the body holds a value larger or deeper than OnAir reads");
        }
        JsonBody body = new JsonBody(object);
        object.keySet().stream()
                .filter(field -> !known.contains(field))
                .sorted()
                .forEach(field -> body.violations.add(field, "is not a known field (known: "
                        + String.join(", ", known.stream().sorted().toList()) + ")"));
        return body;
    }

    public boolean isNull(String field) {
        return object.containsKey(field) && object.get(field).getValueType() == JsonValue.ValueType.NULL;
    }

    /** Records an error when the field is present as {@code null}. */
    public void refuseNull(String field, String message) {
        if (isNull(field)) {
            violations.add(field, message);
        }
    }

    /** The field as a string; absent or null give empty, another type is recorded as an error. */
    public Optional<String> text(String field) {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonString string) {
            return Optional.of(string.getString());
        }
        violations.add(field, "must be a string");
        return Optional.empty();
    }

    /** The field as an array of strings; absent or null give empty, anything else is recorded as an error. */
    public Optional<List<String>> texts(String field) {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonArray array && array.stream().allMatch(JsonString.class::isInstance)) {
            return Optional.of(array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
        }
        violations.add(field, "must be an array of strings");
        return Optional.empty();
    }

    /** The field as one of {@code type}'s constants (case-insensitive); other values are recorded as errors. */
    public <E extends Enum<E>> Optional<E> oneOf(String field, Class<E> type) {
        return text(field).flatMap(name -> {
            try {
                return Optional.of(Enum.valueOf(type, name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                violations.add(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
                return Optional.empty();
            }
        });
    }

    /**
     * Builds the domain value from the fields read, reporting the body's own errors (unknown
     * fields, wrong types) together with the domain's rules in one {@link InvalidInput}. A field
     * already refused for its type is not reported again as missing.
     */
    public <T> T build(Supplier<T> value) {
        try {
            T built = value.get();
            violations.throwIfAny();
            return built;
        } catch (InvalidInput invalid) {
            Set<String> named = violations.fields();
            invalid.errors().stream()
                    .filter(error -> !named.contains(error.field()))
                    .forEach(error -> violations.add(error.field(), error.message()));
            violations.throwIfAny();
            throw invalid;
        }
    }

    private static byte[] readBounded(InputStream in) {
        if (in == null) {
            return new byte[0];
        }
        try {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new TooLarge(MAX_BYTES);
            }
            return bytes;
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /**
     * The refusal for a body whose stream failed: past the limit ({@link Admission}) a 413; else
     * the client went away or sent a broken chunk, and there is nothing to answer but that.
     */
    public static DomainException unreadable(IOException failure) {
        return failure instanceof Admission.BodyTooLarge tooLarge ? new TooLarge(tooLarge.limit())
                : new MalformedBody("the body could not be read to its end");
    }

    /** A body that is not one JSON object at all. */
    public static final class MalformedBody extends DomainException {

        public MalformedBody(String detail) {
            super(Kind.INVALID, "malformed-body", "The request body cannot be read", detail);
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("errors", List.of(new FieldError("body", getMessage())));
        }
    }
}
