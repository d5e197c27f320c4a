package dev.onair.web;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplatesTest {

    private static final Set<String> PAGES = Set.of("home.html", "channel.html", "studio.html", "me.html");

    private final Templates shipped = Templates.fromClassLoader(TemplatesTest.class.getClassLoader(), "dev/onair/web/pages");

    @Test
    void everyPageRendersInBothLanguagesWithoutAPlaceholderLeft() {
        for (String page : PAGES) {
            for (Language language : Language.values()) {
                String html = new String(shipped.page(page, language).body(), StandardCharsets.UTF_8);
                assertFalse(html.contains("{{"), page + " " + language + " keeps a placeholder");
                assertTrue(html.contains("<html lang=\"" + language.tag() + "\">"), page);
                assertTrue(html.contains("id=\"onair-messages\""), page);
                // no inline script: only src= scripts and the JSON data block
                assertFalse(Pattern.compile("<script(?![^>]*(src=|type=\"application/json\"))").matcher(html).find(), page);
                assertFalse(html.contains(" on") && Pattern.compile("\\son[a-z]+=").matcher(html).find(), page + " has an inline handler");
            }
        }
        assertTrue(new String(shipped.page("home.html", Language.KO).body(), StandardCharsets.UTF_8).contains("지금 방송 중"));
        assertTrue(new String(shipped.page("home.html", Language.EN).body(), StandardCharsets.UTF_8).contains("Live now"));
    }

    @Test
    void bothLanguagesHaveTheSameMessages() {
        ResourceBundle.Control control = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        Set<String> korean = ResourceBundle.getBundle("dev.onair.web.messages", Language.KO.locale(), control).keySet();
        Set<String> english = ResourceBundle.getBundle("dev.onair.web.messages", Language.EN.locale(), control).keySet();
        assertEquals(korean, english);
    }

    @Test
    void messagesAreEscapedAndTheScriptBlockCannotBeClosedFromInside() {
        Templates templates = new Templates(name -> Optional.ofNullable(Map.of(
                "page.html", "<p>{{skip}}</p><script type=\"application/json\">{{@messages}}</script>").get(name)));
        String html = templates.render("page.html", Language.KO);
        assertTrue(html.startsWith("<p>본문으로 건너뛰기</p>"), html);
        assertEquals("<p>&lt;b&gt; &amp; &quot;x&quot; &#39;</p>", "<p>" + Templates.escapeHtml("<b> & \"x\" '") + "</p>");
        assertEquals("\"\\u003c/script\\u003e \\\"q\\\" \\\\ \\n\"", Templates.jsonString("</script> \"q\" \\ \n"));
    }

    @Test
    void aMissingMessageOrPartialFailsTheRender() {
        Templates missingKey = new Templates(name -> Optional.of("{{no.such.key}}"));
        assertThrows(IllegalStateException.class, () -> missingKey.render("page.html", Language.EN));
        Templates missingPartial = new Templates(name -> "page.html".equals(name) ? Optional.of("{{>nothing}}") : Optional.empty());
        assertThrows(IllegalStateException.class, () -> missingPartial.render("page.html", Language.EN));
    }

    @Test
    void theEtagFollowsTheBytes() {
        Templates.Rendered ko = shipped.page("home.html", Language.KO);
        Templates.Rendered en = shipped.page("home.html", Language.EN);
        assertFalse(ko.etag().equals(en.etag()));
        assertEquals(ko, shipped.page("home.html", Language.KO));
    }
}
