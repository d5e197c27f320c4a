/**
 * Sign-in with Kakao (OAuth 2.0 REST) and OpenID Connect providers (Google, or any other by
 * configuration), and OnAir's own tokens: RS256 access tokens that MicroProfile JWT verifies,
 * and opaque refresh tokens, stored hashed and rotated on every use. The one decision to know:
 * {@link dev.onair.signin.boundary.SignIn} announces outcomes as {@code UserLoggedIn} and
 * {@code LoginFailed} events and never calls what reacts to them (history, last login, notices).
 * MicroProfile JWT reads the verification keys from the file
 * {@link dev.onair.signin.boundary.VerificationKeys} writes at start-up. API clients
 * ({@link dev.onair.signin.boundary.ApiClients}) get the same access tokens by OAuth 2.0 client
 * credentials, acting for their owner within their {@link dev.onair.signin.entity.Scopes}; each
 * node knows whether a client is revoked as of a few seconds ago
 * ({@link dev.onair.signin.boundary.ApiClientStates}), not as of its tokens' issue.
 */
package dev.onair.signin;
