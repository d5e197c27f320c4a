package dev.onair.api.problems;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;

/**
 * What JAX-RS itself refuses (no such path, wrong method, media types, a missing role) as
 * problem+json. The detail is ours, never the exception's text.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String type;
        String title;
        String detail;
        switch (status) {
            case 400 -> { type = "bad-request"; title = "Bad request"; detail = "the request cannot be read"; }
            case 401 -> { type = "unauthorized"; title = "Unauthorized"; detail = "a valid bearer token is required"; }
            case 403 -> { type = "forbidden"; title = "Forbidden"; detail = "the caller may not do this"; }
            case 404 -> { type = "not-found"; title = "Not found"; detail = "no such resource"; }
            case 405 -> { type = "method-not-allowed"; title = "Method not allowed"; detail = "the resource does not support this method"; }
            case 406 -> { type = "not-acceptable"; title = "Not acceptable"; detail = "the resource answers application/json"; }
            case 415 -> { type = "unsupported-media-type"; title = "Unsupported media type"; detail = "send application/json"; }
            default -> {
                if (status >= 500) {
                    return new UnexpectedExceptionMapper().toResponse(e);
                }
                type = "http-" + status; title = Response.Status.fromStatusCode(status) == null ? "Error"
                        : Response.Status.fromStatusCode(status).getReasonPhrase();
                detail = null;
            }
        }
        Response response = Problems.response(status, type, title, detail, uri.getRequestUri().getRawPath(), Map.of());
        if (status == 405 && e.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(response).header("Allow", e.getResponse().getHeaderString("Allow")).build();
        }
        return response;
    }
}
