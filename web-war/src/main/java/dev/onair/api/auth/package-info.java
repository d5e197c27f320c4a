/**
 * Sign-in over HTTP: the redirect flow's two ends, refresh, logout and OnAir's JWKS. Browsers
 * get cookies (the browser binding SameSite=Lax so it survives the provider's redirect; the
 * refresh token HttpOnly, Secure, SameSite=Strict under /api/auth), programs may ask for JSON.
 */
package dev.onair.api.auth;
