package dev.onair.api.problems;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import static java.net.HttpURLConnection.HTTP_INTERNAL_ERROR;

/**
 * Anything not foreseen: logged once with an incident id, answered 500 with only that id, so
 * neither stack traces nor data leave the server.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Incident " + incident + ": " + e.getClass().getName(), e);
        return Problems.response(HTTP_INTERNAL_ERROR, "internal", "Internal error",
                "the server failed; quote incident " + incident + " when reporting it", null,
                Map.of("incident", incident));
    }
}
