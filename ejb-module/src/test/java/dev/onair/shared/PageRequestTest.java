package dev.onair.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PageRequestTest {

    @Test
    void absentParametersTakeTheFirstPageOfTwenty() {
        assertEquals(new PageRequest(0, 20), PageRequest.parse(null, ""));
    }

    @Test
    void theFirstItemFollowsPageAndSize() {
        assertEquals(250, PageRequest.parse("5", "50").first());
        assertEquals(0, PageRequest.parse("+0", "007").first());
    }

    @ParameterizedTest(name = "page={0} size={1}")
    @CsvSource(delimiter = '|', value = {
            "-1|20|page", "abc|20|page", "1.5|20|page", "2147483647|100|page", "99999999999999999999|20|page",
            "999999999999999999999999999999|20|page", "100001|100|page", "0|0|size", "0|101|size",
            "0|-5|size", "0|2147483648|size", "0|1e3|size", "' 1'|20|page", "0x10|20|page"})
    void outOfRangeOrMalformedIsA400NamingTheField(String page, String size, String field) {
        InvalidInput refused = assertThrows(InvalidInput.class, () -> PageRequest.parse(page, size));
        assertEquals(field, refused.errors().get(0).field(), refused.getMessage());
    }

    @Test
    void theLastPageOfTheLongestListStillFitsAnInt() {
        PageRequest last = PageRequest.parse(String.valueOf(PageRequest.MAX_FIRST / 100), "100");
        assertEquals(PageRequest.MAX_FIRST, last.first());
    }
}
