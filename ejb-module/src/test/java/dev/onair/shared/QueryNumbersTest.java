package dev.onair.shared;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QueryNumbersTest {

    @Test
    void digitsWithinTheRangeAreReadAndAbsenceTakesTheFallback() {
        assertEquals(42, QueryNumbers.whole("after", "42", 0, 0, Long.MAX_VALUE));
        assertEquals(7, QueryNumbers.whole("after", "+007", 0, 0, Long.MAX_VALUE));
        assertEquals(0, QueryNumbers.whole("after", "-0", 5, 0, 10));
        assertEquals(Long.MAX_VALUE, QueryNumbers.whole("after", "9223372036854775807", 0, 0, Long.MAX_VALUE));
        assertEquals(100, QueryNumbers.whole("limit", null, 100, 1, 1000));
        assertEquals(100, QueryNumbers.whole("limit", "", 100, 1, 1000));
    }

    @Test
    void anythingElseIsRefusedNamingTheField() {
        for (String bad : List.of(" ", " 5", "\u0000", "\u0001\u001f", "٣", "1e3", "0x1F", "5.0", "--5", "9".repeat(21))) {
            assertEquals("limit", assertThrows(InvalidInput.class, () -> QueryNumbers.whole("limit", bad, 1, 1, 1000), bad)
                    .errors().get(0).field(), bad);
        }
        for (String beyond : List.of("0", "1001", "-1", "99999999999999999999", "-9223372036854775808")) {
            InvalidInput refused = assertThrows(InvalidInput.class, () -> QueryNumbers.whole("limit", beyond, 1, 1, 1000), beyond);
            assertEquals("must be 1 to 1000", refused.errors().get(0).message(), beyond);
        }
    }
}
