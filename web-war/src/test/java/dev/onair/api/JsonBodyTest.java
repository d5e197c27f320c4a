package dev.onair.api;

import dev.onair.channels.entity.ChannelDraft;
import dev.onair.channels.entity.Visibility;
import dev.onair.shared.FieldError;
import dev.onair.shared.InvalidInput;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonBodyTest {

    private static final Set<String> FIELDS = Set.of("title", "description", "visibility");

    private static JsonBody body(String json) {
        return JsonBody.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), FIELDS);
    }

    private static ChannelDraft draft(String json) {
        JsonBody body = body(json);
        String title = body.text("title").orElse(null);
        String description = body.text("description").orElse(null);
        Visibility visibility = body.oneOf("visibility", Visibility.class).orElse(null);
        return body.build(() -> new ChannelDraft(title, description, visibility));
    }

    private static List<String> fields(InvalidInput invalid) {
        return invalid.errors().stream().map(FieldError::field).sorted().toList();
    }

    @Test
    void readsAWellFormedBody() {
        ChannelDraft draft = draft("{\"title\":\"방송 🎮\",\"visibility\":\"private\"}");
        assertEquals("방송 🎮", draft.title());
        assertEquals(Visibility.PRIVATE, draft.visibility());
        assertEquals("", draft.description());
    }

    @Test
    void refusesWhatIsNotOneJsonObject() {
        for (String json : new String[]{"", "{", "[]", "\"x\"", "42", "null", "{\"title\":\"x\"} trailing"}) {
            assertThrows(JsonBody.MalformedBody.class, () -> body(json), json);
        }
        byte[] latin1 = "{\"title\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThrows(JsonBody.MalformedBody.class, () -> JsonBody.read(new ByteArrayInputStream(latin1), FIELDS));
    }

    @Test
    void refusesNumbersAndNestingBeyondTheParsersLimits() {
        assertThrows(JsonBody.MalformedBody.class, () -> body("{\"title\":" + "9".repeat(2000) + "}"));
        assertThrows(JsonBody.MalformedBody.class, () -> body("{\"title\":" + "[".repeat(5000) + "]".repeat(5000) + "}"));
    }

    @Test
    void refusesABodyOverTheLimitWithoutReadingItAll() {
        java.util.concurrent.atomic.AtomicLong read = new java.util.concurrent.atomic.AtomicLong();
        java.io.InputStream endless = new java.io.InputStream() {
            @Override
            public int read() {
                read.incrementAndGet();
                return ' ';
            }
        };
        dev.onair.shared.TooLarge refused = assertThrows(dev.onair.shared.TooLarge.class, () -> JsonBody.read(endless, FIELDS));
        assertEquals("payload-too-large", refused.type());
        assertEquals(JsonBody.MAX_BYTES + 1, read.get(), "one byte past the limit, no more");
    }

    @Test
    void namesTypeErrorsUnknownFieldsAndRuleBreaksTogetherOnce() {
        InvalidInput invalid = assertThrows(InvalidInput.class,
                () -> draft("{\"title\":7,\"visibility\":\"FRIENDS\",\"owner\":\"me\",\"description\":\"" + "x".repeat(2001) + "\"}"));
        assertEquals(List.of("description", "owner", "title", "visibility"), fields(invalid));
    }

    @Test
    void absentAndNullAreToldApart() {
        JsonBody body = body("{\"description\":null}");
        assertEquals(true, body.isNull("description"));
        assertEquals(false, body.isNull("title"), "absent is not null");
        assertEquals(Optional.empty(), body.text("title"));
        body.refuseNull("title", "cannot be removed");
        body.refuseNull("description", "cannot be removed");
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> body.build(() -> "ok"));
        assertEquals(List.of("description"), fields(invalid));
    }
}
