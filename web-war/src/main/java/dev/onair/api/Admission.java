package dev.onair.api;

import dev.onair.api.problems.Problems;
import dev.onair.shared.LogText;
import dev.onair.shared.NodeConfig;
import dev.onair.shared.TooLarge;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import static java.net.HttpURLConnection.HTTP_ENTITY_TOO_LARGE;
import static java.net.HttpURLConnection.HTTP_NOT_FOUND;

/**
 * What may come in at all, decided before anything reads a body. Every OnAir endpoint reads at
 * most {@link #MAX_BODY_BYTES}: a request that declares more is answered 413 at once and its
 * connection closed, unread; a body without a declared length is cut off at the limit while it is
 * read (the endpoint then answers 413 too), so no body is ever buffered beyond it. On the internal
 * listener only the API's internal resources exist ({@link Listeners}); pages and assets are 404
 * there. Liberty's own {@code messageSizeLimit} (server.xml) is the outer bound of the same rule.
 */
@WebFilter(filterName = "admission", urlPatterns = "/*", asyncSupported = true)
public class Admission extends HttpFilter {

    /** How much of a refused request's path the log shows. */
    private static final int LOGGED_URI_LENGTH = 100;

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(Admission.class.getName());

    /** The largest body any endpoint reads (a JSON object of OnAir's API). */
    public static final int MAX_BODY_BYTES = JsonBody.MAX_BYTES;

    @Inject
    private transient NodeConfig node;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (Listeners.onInternalListener(request, node) && !"/api".equals(request.getServletPath())) {
            write(response, HTTP_NOT_FOUND, Problems.response(HTTP_NOT_FOUND, "not-found", "Not found", "no such resource",
                    request.getRequestURI(), Map.of()), false);
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            LOG.log(Level.INFO, "Refused a {0}-byte body for {1} from {2}", new Object[] {declared,
                    LogText.printable(request.getRequestURI(), LOGGED_URI_LENGTH), request.getRemoteAddr()});
            write(response, HTTP_ENTITY_TOO_LARGE, Problems.response(HTTP_ENTITY_TOO_LARGE, TooLarge.TYPE, TooLarge.TITLE, TooLarge.detail(MAX_BODY_BYTES),
                    request.getRequestURI(), Map.of()), true);
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
            chain.doFilter(new Bounded(request, MAX_BODY_BYTES), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void write(HttpServletResponse response, int status, Response problem, boolean close) throws IOException {
        byte[] body = String.valueOf(problem.getEntity()).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(Problems.MEDIA_TYPE);
        response.setHeader("Cache-Control", "no-store");
        if (close) {
            // nothing of the body is read: the connection cannot carry another request
            response.setHeader("Connection", "close");
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** Thrown by a body's stream when it runs past the limit; readers turn it into a 413. */
    public static final class BodyTooLarge extends IOException {
        private static final long serialVersionUID = 1L;
        private final long limit;

        BodyTooLarge(long limit) {
            super("the request body is larger than " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    /** A request whose body stream ends in {@link BodyTooLarge} once more than the limit was read. */
    static final class Bounded extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counted(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    static final class Counted extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counted(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, (int) Math.min(length, limit - read + 1));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > limit) {
                throw new BodyTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
