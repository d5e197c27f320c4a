package dev.onair.api.auth;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint a browser is sent to (the sign-in's start and the provider's answer): a
 * refusal there is shown to a browser as a page it can read (the pages component renders it),
 * to programs as problem+json; both carry the same status and type.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BrowserFacing {

    /** How a caller says what it wants back. */
    final class Accept {

        private Accept() {
        }

        /** Whether the caller asks for JSON before (or without) HTML. */
        public static boolean json(HttpHeaders headers) {
            for (MediaType type : headers.getAcceptableMediaTypes()) {
                if (type.isCompatible(MediaType.TEXT_HTML_TYPE) && !type.isWildcardType()) {
                    return false;
                }
                if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()) {
                    return true;
                }
            }
            return false;
        }

        /** Whether the caller names HTML (a browser's navigation does). */
        public static boolean html(HttpHeaders headers) {
            return headers.getAcceptableMediaTypes().stream()
                    .anyMatch(t -> t.isCompatible(MediaType.TEXT_HTML_TYPE) && !t.isWildcardType());
        }
    }
}
