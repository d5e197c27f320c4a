/**
 * Sign-in over HTTP: the redirect flow's two ends, refresh, logout and OnAir's JWKS. Browsers
 * get cookies (the browser binding SameSite=Lax so it survives the provider's redirect; the
 * refresh token HttpOnly, Secure, SameSite=Strict under /api/auth), programs may ask for JSON.
 * API clients get their tokens at the token endpoint (OAuth 2.0 client credentials), whose
 * refusals are shaped for OAuth libraries (RFC 6749's {@code error} beside the problem members).
 */
package dev.onair.api.auth;
