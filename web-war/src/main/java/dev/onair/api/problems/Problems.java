package dev.onair.api.problems;

import dev.onair.shared.DomainException;
import dev.onair.shared.FieldError;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

import static java.net.HttpURLConnection.HTTP_BAD_GATEWAY;
import static java.net.HttpURLConnection.HTTP_BAD_REQUEST;
import static java.net.HttpURLConnection.HTTP_CONFLICT;
import static java.net.HttpURLConnection.HTTP_ENTITY_TOO_LARGE;
import static java.net.HttpURLConnection.HTTP_FORBIDDEN;
import static java.net.HttpURLConnection.HTTP_NOT_FOUND;
import static java.net.HttpURLConnection.HTTP_UNAUTHORIZED;
import static java.net.HttpURLConnection.HTTP_UNAVAILABLE;

/** Builds problem+json responses. */
public final class Problems {

    /** RFC 6585's status, which {@code HttpURLConnection} does not name. */
    static final int TOO_MANY_REQUESTS = 429;

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);
    public static final String TYPE_PREFIX = "urn:onair:problem:";
    private static final JsonProvider JSON = JsonProvider.provider();

    private Problems() {
    }

    /** The HTTP status of a refusal of this kind. */
    public static int status(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID -> HTTP_BAD_REQUEST;
            case UNAUTHORIZED -> HTTP_UNAUTHORIZED;
            case FORBIDDEN -> HTTP_FORBIDDEN;
            case NOT_FOUND -> HTTP_NOT_FOUND;
            case CONFLICT -> HTTP_CONFLICT;
            case TOO_LARGE -> HTTP_ENTITY_TOO_LARGE;
            case LIMITED -> TOO_MANY_REQUESTS;
            case UPSTREAM -> HTTP_BAD_GATEWAY;
            case UNAVAILABLE -> HTTP_UNAVAILABLE;
        };
    }

    /** The problem+json answer to a domain refusal, with {@code Retry-After} when it says when to try again. */
    public static Response of(DomainException e, String instance) {
        Response problem = response(status(e.kind()), e.type(), e.title(), e.detail(), instance, e.details());
        return e.retryAfter()
                .map(wait -> Response.fromResponse(problem).header("Retry-After", wait.toSeconds()).build())
                .orElse(problem);
    }

    public static Response response(int status, String type, String title, String detail, String instance,
                                    Map<String, Object> details) {
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("type", TYPE_PREFIX + type)
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            body.add("detail", detail);
        }
        if (instance != null) {
            body.add("instance", instance);
        }
        details.forEach((name, value) -> {
            if (value instanceof List<?> list) {
                JsonArrayBuilder array = JSON.createArrayBuilder();
                for (Object item : list) {
                    if (item instanceof FieldError error) {
                        array.add(JSON.createObjectBuilder().add("field", error.field()).add("message", error.message()));
                    } else {
                        array.add(String.valueOf(item));
                    }
                }
                body.add(name, array);
            } else if (value != null) {
                body.add(name, String.valueOf(value));
            }
        });
        Response.ResponseBuilder builder = Response.status(status).type(PROBLEM_JSON).entity(body.build().toString());
        if (status == HTTP_UNAUTHORIZED) {
            builder.header("WWW-Authenticate", "Bearer realm=\"onair\"");
        }
        return builder.build();
    }
}
