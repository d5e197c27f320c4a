package dev.onair.web;

import dev.onair.api.auth.BrowserFacing;
import dev.onair.api.problems.Problems;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import java.io.StringReader;
import java.lang.reflect.Method;

import static java.net.HttpURLConnection.HTTP_BAD_REQUEST;

/**
 * Turns a refusal of a {@link BrowserFacing} endpoint into {@link SignInErrorPage} for a browser
 * (a caller that names HTML and does not prefer JSON), in the visitor's language; programs keep
 * problem+json. Status, type and cache headers stay as the endpoint set them.
 */
@Provider
public class SignInErrorPages implements ContainerResponseFilter {

    @Context
    ResourceInfo resource;

    @Context
    HttpHeaders headers;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Method method = resource.getResourceMethod();
        if (method == null || !method.isAnnotationPresent(BrowserFacing.class) || response.getStatus() < HTTP_BAD_REQUEST
                || !Problems.PROBLEM_JSON.isCompatible(response.getMediaType()) || !(response.getEntity() instanceof String text)
                || BrowserFacing.Accept.json(headers) || !BrowserFacing.Accept.html(headers)) {
            return;
        }
        JsonObject problem;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            problem = reader.readObject();
        }
        String urn = problem.getString("type", Problems.TYPE_PREFIX + "internal");
        String type = urn.startsWith(Problems.TYPE_PREFIX) ? urn.substring(Problems.TYPE_PREFIX.length()) : urn;
        Cookie cookie = request.getCookies().get(Language.COOKIE);
        Language language = Language.pick(cookie == null ? null : cookie.getValue(), request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        response.getHeaders().putSingle("Content-Security-Policy", SignInErrorPage.CONTENT_SECURITY_POLICY);
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        response.getHeaders().putSingle("Content-Language", language.tag());
        response.setEntity(SignInErrorPage.render(type, urn, problem.getString("title", null), problem.getString("detail", null), language),
                response.getEntityAnnotations(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }
}
