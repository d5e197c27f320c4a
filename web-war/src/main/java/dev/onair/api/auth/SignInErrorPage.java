package dev.onair.api.auth;

import dev.onair.api.problems.Problems;
import dev.onair.signin.entity.SignInRefused;

/**
 * The page a browser lands on when a sign-in is refused: what happened, in words, and a way
 * back. All text is escaped; nothing from the request is echoed except through the detail,
 * which the sign-in code writes without request values.
 */
final class SignInErrorPage {

    /** The page runs no script and loads nothing. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private SignInErrorPage() {
    }

    static String render(SignInRefused e) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Sign-in failed · OnAir</title>
                </head>
                <body>
                <main>
                <h1>%s</h1>
                <p>%s</p>
                <p><small>%s</small></p>
                <p><a href="/">Back to OnAir</a></p>
                </main>
                </body>
                </html>
                """.formatted(escape(e.title()), escape(e.detail()), escape(Problems.TYPE_PREFIX + e.type()));
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
