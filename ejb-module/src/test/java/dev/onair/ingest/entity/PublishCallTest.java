package dev.onair.ingest.entity;

import dev.onair.shared.FieldError;
import dev.onair.shared.InvalidInput;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PublishCallTest {

    private static final String NAME = "abcdefgh12345678";

    private static List<String> fieldsAtFault(String app, String name, String key, String clientId, String addr) {
        InvalidInput e = assertThrows(InvalidInput.class, () -> PublishCall.of("live", app, name, key, clientId, addr));
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void aWellFormedCallPasses() {
        PublishCall call = PublishCall.of("live", "live", NAME, "secret", "42", "192.0.2.7");
        assertEquals(NAME, call.name());
        assertEquals("42", call.clientId());
        assertNull(PublishCall.of("live", "live", NAME, null, "1", "").address());
    }

    @Test
    void malformedNamesAreRefusedByField() {
        for (String name : List.of("../../etc/passwd", NAME + "0", NAME.substring(1), NAME.toUpperCase(), "abcdefgh1234567$",
                "abcdefgh/2345678", "abcdefgh\u00e912345678".substring(0, 16), "")) {
            assertEquals(List.of("name"), fieldsAtFault("live", name, "k", "1", null), name);
        }
        assertEquals(List.of("name"), fieldsAtFault("live", null, "k", "1", null));
    }

    @Test
    void everyFieldAtFaultIsNamedAtOnce() {
        assertEquals(List.of("app", "name", "key", "clientid", "addr"),
                fieldsAtFault("vod", "..", "k".repeat(129), "1; rm", "not-an-ip"));
    }

    @Test
    void theSecretStaysOutOfTheText() {
        assertFalse(PublishCall.of("live", "live", NAME, "very-secret-value", "1", null).toString().contains("very-secret-value"));
    }
}
