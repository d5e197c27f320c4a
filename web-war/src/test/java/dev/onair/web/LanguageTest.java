package dev.onair.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LanguageTest {

    @Test
    void koreanUnlessTheBrowserPrefersEnglish() {
        assertEquals(Language.KO, Language.pick(null, null));
        assertEquals(Language.KO, Language.pick(null, ""));
        assertEquals(Language.KO, Language.pick(null, "ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7"));
        assertEquals(Language.EN, Language.pick(null, "en-US,en;q=0.9"));
        assertEquals(Language.EN, Language.pick(null, "en-GB,ko;q=0.5"));
        // neither spoken: the default
        assertEquals(Language.KO, Language.pick(null, "fr-FR,de;q=0.8"));
        // the first OnAir speaks, in the browser's order
        assertEquals(Language.EN, Language.pick(null, "ja,en;q=0.8,ko;q=0.5"));
    }

    @Test
    void qualityOrdersTheRangesNotTheirPlace() {
        assertEquals(Language.EN, Language.pick(null, "ko;q=0.3,en;q=0.9"));
        assertEquals(Language.KO, Language.pick(null, "en;q=0,ko;q=0.1"));
        assertEquals(Language.KO, Language.pick(null, "en;q=bogus,ko"));
    }

    @Test
    void anExplicitChoiceWins() {
        assertEquals(Language.EN, Language.pick("en", "ko-KR"));
        assertEquals(Language.KO, Language.pick("ko", "en-US"));
        // a choice OnAir does not speak is no choice
        assertEquals(Language.EN, Language.pick("xx", "en-US"));
    }
}
