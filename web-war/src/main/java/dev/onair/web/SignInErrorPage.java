package dev.onair.web;

import java.util.Map;

/**
 * The page a browser lands on when a sign-in is refused: what happened in the visitor's language,
 * the problem's own title and detail (written by the sign-in code without request values, and
 * escaped here all the same), its stable type, and a way back. It runs no script.
 */
public final class SignInErrorPage {

    /** Styles from OnAir, nothing else; no script at all. */
    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final Templates TEMPLATES = Templates.fromClassLoader(SignInErrorPage.class.getClassLoader(), "dev/onair/web/pages");

    private SignInErrorPage() {
    }

    /**
     * @param type  the problem type's name (sign-in-cancelled, ...)
     * @param urn   the full problem type, as problem+json would give it
     */
    public static String render(String type, String urn, String title, String detail, Language language) {
        String heading = Templates.message("signin.error." + type, language)
                .orElseGet(() -> Templates.message("signin.error.other", language).orElseThrow());
        return TEMPLATES.render("signin-error.html", language, Map.of("heading", heading,
                "title", title == null ? "" : title, "detail", detail == null ? "" : detail, "type", urn));
    }
}
