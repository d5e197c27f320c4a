package dev.onair.web;

import dev.onair.delivery.boundary.Playbacks;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The pages people use: {@code /} (home), {@code /channels/<id>} (watch), {@code /studio} and
 * {@code /me}. Each is one HTML document in the visitor's language ({@link Language}) that loads
 * its ES module from {@code /assets}; everything on it that comes from users is set as text by
 * those scripts, never as HTML, and the Content-Security-Policy allows no inline script at all.
 */
@WebServlet(name = "pages", urlPatterns = {"", "/channels/*", "/studio", "/me"})
public class PagesServlet extends HttpServlet {

    /** How long the language a visitor chose is remembered, in seconds: a year. */
    private static final int LANGUAGE_COOKIE_AGE = (int) Duration.ofDays(365).toSeconds();

    private static final long serialVersionUID = 1L;
    private static final Pattern CHANNEL = Pattern.compile("/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private transient Templates templates;
    private transient SecurityHeaders headers;

    @EJB
    private transient Playbacks playbacks;

    @Override
    public void init() {
        templates = Templates.fromClassLoader(PagesServlet.class.getClassLoader(), "dev/onair/web/pages");
        headers = SecurityHeaders.forCdn(playbacks.cdnBaseUrl().orElse(""));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath();
        String info = request.getPathInfo();
        String page;
        int status = HttpServletResponse.SC_OK;
        switch (path) {
            case "/studio" -> page = "studio.html";
            case "/me" -> page = "me.html";
            case "/channels" -> {
                page = "channel.html";
                if (info == null || !CHANNEL.matcher(info).matches()) {
                    // the page says the channel is not there; the status says it to crawlers and tools
                    status = HttpServletResponse.SC_NOT_FOUND;
                }
            }
            default -> page = "home.html";
        }
        Language language = language(request, response);
        Templates.Rendered rendered = templates.page(page, language);
        headers.applyToPage(response);
        response.setHeader("Content-Language", language.tag());
        response.setHeader("Vary", "Accept-Language, Cookie");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("ETag", rendered.etag());
        if (status == HttpServletResponse.SC_OK && rendered.etag().equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(rendered.body().length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(rendered.body());
        }
    }

    /** ?lang=en|ko chooses and is remembered for a year; otherwise the cookie, then Accept-Language. */
    private static Language language(HttpServletRequest request, HttpServletResponse response) {
        Optional<Language> chosen = Language.of(request.getParameter("lang"));
        if (chosen.isPresent()) {
            Cookie cookie = new Cookie(Language.COOKIE, chosen.get().tag());
            cookie.setPath("/");
            cookie.setMaxAge(LANGUAGE_COOKIE_AGE);
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
            return chosen.get();
        }
        String remembered = null;
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (Language.COOKIE.equals(cookie.getName())) {
                    remembered = cookie.getValue();
                }
            }
        }
        return Language.pick(remembered, request.getHeader("Accept-Language"));
    }
}
