package dev.onair.signin.entity;

import dev.onair.shared.DomainException;
import dev.onair.shared.FieldError;

import java.util.List;
import java.util.Map;

/**
 * A refusal about an API client: of its credentials at the token endpoint, or of a change to it.
 * {@link #oauthError()} is the RFC 6749 section 5.2 error code the token endpoint answers with it.
 */
public class ClientRefused extends DomainException {

    private final String oauthError;
    private final Map<String, Object> details;

    private ClientRefused(Kind kind, String type, String title, String detail, String oauthError, Map<String, Object> details) {
        super(kind, type, title, detail);
        this.oauthError = oauthError;
        this.details = details;
    }

    /** Unknown client, wrong secret, revoked client, or no credentials: one answer for all, so none can be told apart. */
    public static ClientRefused invalidClient() {
        return new ClientRefused(Kind.UNAUTHORIZED, "invalid-client", "Client authentication failed",
                "The client id and secret do not name an active API client.", "invalid_client", Map.of());
    }

    /** A token was asked for with scopes the client does not have, or unknown ones. */
    public static ClientRefused invalidScope(String detail) {
        return new ClientRefused(Kind.INVALID, "invalid-scope", "Scope not valid", detail, "invalid_scope",
                Map.of("errors", List.of(new FieldError("scope", detail))));
    }

    public static ClientRefused unsupportedGrantType(String grantType) {
        return new ClientRefused(Kind.INVALID, "unsupported-grant-type", "Grant type not supported",
                "Only grant_type=client_credentials is served here; people sign in through /api/auth/{provider}/login.",
                "unsupported_grant_type", Map.of());
    }

    /** The caller has no API client with that id (or it is someone else's). */
    public static ClientRefused unknown() {
        return new ClientRefused(Kind.NOT_FOUND, "unknown-client", "No such API client",
                "This account has no API client with that id.", "invalid_request", Map.of());
    }

    public static ClientRefused tooMany(int max) {
        return new ClientRefused(Kind.CONFLICT, "too-many-clients", "Too many API clients",
                "An account may have at most " + max + " active API clients; revoke one first.", "invalid_request", Map.of());
    }

    /** Scopes only admins' clients may have. */
    public static ClientRefused scopeNotAllowed(String scope) {
        return new ClientRefused(Kind.FORBIDDEN, "scope-not-allowed", "Scope not allowed",
                "Only administrators may give a client the scope " + scope + ".", "invalid_scope",
                Map.of("errors", List.of(new FieldError("scopes", "not allowed: " + scope))));
    }

    public static ClientRefused revoked() {
        return new ClientRefused(Kind.CONFLICT, "client-revoked", "API client revoked",
                "This API client is revoked; create a new one.", "invalid_request", Map.of());
    }

    public String oauthError() { return oauthError; }

    @Override
    public Map<String, Object> details() { return details; }
}
