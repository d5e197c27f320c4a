package dev.onair.api.problems;

import dev.onair.shared.DomainException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

import static java.net.HttpURLConnection.HTTP_BAD_GATEWAY;
import static java.net.HttpURLConnection.HTTP_BAD_REQUEST;

/** Refusals of the business components: 400, 401, 403, 404 or 409 with their stable types. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    private static final Logger LOG = Logger.getLogger(DomainExceptionMapper.class.getName());

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(DomainException e) {
        int status = Problems.status(e.kind());
        String path = uri.getRequestUri().getRawPath();
        // The detail names fields and ids, never submitted values or secrets. Bad input is worth
        // an operator's eye; a 404 or 409 is an ordinary answer (the studio asks for its channel).
        LOG.log(status == HTTP_BAD_REQUEST || status == HTTP_BAD_GATEWAY ? Level.INFO : Level.FINE,
                () -> "Refused " + path + ": " + status + " " + e.type() + " (" + e.detail() + ")");
        return Problems.of(e, path);
    }
}
