package dev.onair.signin.entity;

import dev.onair.shared.DomainException;

/**
 * A sign-in, refresh or logout that cannot go on. The type is the stable reason recorded in the
 * login history; the detail says what happened without secrets or provider answers.
 */
public class SignInRefused extends DomainException {

    public static final String UNKNOWN_PROVIDER = "unknown-provider";

    private SignInRefused(Kind kind, String type, String title, String detail) {
        super(kind, type, title, detail);
    }

    public static SignInRefused unknownProvider(String provider) {
        return new SignInRefused(Kind.NOT_FOUND, UNKNOWN_PROVIDER, "No such sign-in provider",
                "OnAir offers no sign-in provider called '" + provider + "'.");
    }

    public static SignInRefused state(String detail) {
        return new SignInRefused(Kind.INVALID, "sign-in-state-invalid", "Sign-in could not be matched", detail);
    }

    public static SignInRefused redirectUri(String detail) {
        return new SignInRefused(Kind.INVALID, "redirect-uri-not-allowed", "Callback address not allowed", detail);
    }

    public static SignInRefused returnTo(String detail) {
        return new SignInRefused(Kind.INVALID, "return-to-not-allowed", "Return address not allowed", detail);
    }

    public static SignInRefused cancelled(String detail) {
        return new SignInRefused(Kind.UNAUTHORIZED, "sign-in-cancelled", "Sign-in was cancelled", detail);
    }

    public static SignInRefused providerRefused(String detail) {
        return new SignInRefused(Kind.UNAUTHORIZED, "provider-refused", "The provider refused the sign-in", detail);
    }

    public static SignInRefused providerUnavailable(String detail) {
        return new SignInRefused(Kind.UPSTREAM, "provider-unavailable", "The sign-in provider did not answer", detail);
    }

    public static SignInRefused providerAnswer(String detail) {
        return new SignInRefused(Kind.UPSTREAM, "provider-answer-invalid", "The sign-in provider answered nonsense", detail);
    }

    public static SignInRefused idToken(String detail) {
        return new SignInRefused(Kind.UNAUTHORIZED, "id-token-invalid", "The provider's identity token was not valid", detail);
    }

    public static SignInRefused refreshToken(String detail) {
        return new SignInRefused(Kind.UNAUTHORIZED, "refresh-token-invalid", "Refresh token not valid", detail);
    }

    public static SignInRefused accountDisabled() {
        return new SignInRefused(Kind.FORBIDDEN, "account-disabled", "Account disabled",
                "An administrator disabled this account.");
    }

    public static SignInRefused refreshTokenReused() {
        return new SignInRefused(Kind.UNAUTHORIZED, "refresh-token-reused", "Refresh token used twice",
                "This refresh token was already used. Every session it belongs to is signed out; sign in again.");
    }
}
