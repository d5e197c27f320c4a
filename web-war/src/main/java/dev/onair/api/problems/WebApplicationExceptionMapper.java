package dev.onair.api.problems;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;

import static java.net.HttpURLConnection.HTTP_BAD_METHOD;
import static java.net.HttpURLConnection.HTTP_BAD_REQUEST;
import static java.net.HttpURLConnection.HTTP_FORBIDDEN;
import static java.net.HttpURLConnection.HTTP_INTERNAL_ERROR;
import static java.net.HttpURLConnection.HTTP_NOT_ACCEPTABLE;
import static java.net.HttpURLConnection.HTTP_NOT_FOUND;
import static java.net.HttpURLConnection.HTTP_UNAUTHORIZED;
import static java.net.HttpURLConnection.HTTP_UNSUPPORTED_TYPE;

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
            case HTTP_BAD_REQUEST -> { type = "bad-request"; title = "Bad request"; detail = "the request cannot be read"; }
            case HTTP_UNAUTHORIZED -> { type = "unauthorized"; title = "Unauthorized"; detail = "a valid bearer token is required"; }
            case HTTP_FORBIDDEN -> { type = "forbidden"; title = "Forbidden"; detail = "the caller may not do this"; }
            case HTTP_NOT_FOUND -> { type = "not-found"; title = "Not found"; detail = "no such resource"; }
            case HTTP_BAD_METHOD -> { type = "method-not-allowed"; title = "Method not allowed"; detail = "the resource does not support this method"; }
            case HTTP_NOT_ACCEPTABLE -> { type = "not-acceptable"; title = "Not acceptable"; detail = "the resource answers application/json"; }
            case HTTP_UNSUPPORTED_TYPE -> { type = "unsupported-media-type"; title = "Unsupported media type"; detail = "send application/json"; }
            default -> {
                if (status >= HTTP_INTERNAL_ERROR) {
                    return new UnexpectedExceptionMapper().toResponse(e);
                }
                type = "http-" + status; title = Response.Status.fromStatusCode(status) == null ? "Error"
                        : Response.Status.fromStatusCode(status).getReasonPhrase();
                detail = null;
            }
        }
        Response response = Problems.response(status, type, title, detail, uri.getRequestUri().getRawPath(), Map.of());
        if (status == HTTP_BAD_METHOD && e.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(response).header("Allow", e.getResponse().getHeaderString("Allow")).build();
        }
        return response;
    }
}
