package dev.onair.shared;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ViolationsTest {

    private static Violations title(String value) {
        return new Violations().text("title", value, 1, 100, false);
    }

    @Test
    void countsCharactersAsPeopleDo() {
        String hundredEmoji = "🎮".repeat(100);
        assertEquals(200, hundredEmoji.length());
        assertTrue(title(hundredEmoji).isEmpty());
        assertTrue(title("가".repeat(100)).isEmpty());
        assertEquals(false, title("🎮".repeat(101)).isEmpty());
    }

    @Test
    void refusesMissingBlankAndEmpty() {
        assertEquals(false, title(null).isEmpty());
        assertEquals(false, title("").isEmpty());
        assertEquals(false, title("   ").isEmpty());
    }

    @Test
    void refusesControlCharactersAndBrokenSurrogates() {
        assertEquals(false, title("a\u0000b").isEmpty());
        assertEquals(false, title("line\nbreak").isEmpty());
        assertEquals(false, title("half \uD83C").isEmpty());
        assertEquals(false, title("\uDF2E lone low").isEmpty());
        assertTrue(new Violations().text("description", "line\nbreak\ttab", 0, 10_000, true).isEmpty());
    }

    @Test
    void keepsSqlLookingTextAsText() {
        assertTrue(title("'; DROP TABLE channel; --").isEmpty());
    }
}
