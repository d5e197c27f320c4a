/**
 * OnAir's REST API under {@code /api}: one sub-package per business component, each a thin
 * JAX-RS layer over that component's boundary EJBs (boundaries and entities only: who may see or
 * do what is decided behind the boundary; {@code dev.onair.ArchitectureTest} checks it). Requests are parsed strictly
 * ({@link dev.onair.api.JsonBody}: unknown fields, wrong types and malformed JSON are 400s naming
 * the field) and every error leaves as problem+json ({@link dev.onair.api.problems}).
 * Bearer tokens are MicroProfile JWTs of type {@code at+jwt} ({@link dev.onair.api.TokenType});
 * an API client's token also needs the scope its operation names in its OpenAPI security
 * requirement, and a client not revoked ({@link dev.onair.api.ScopeCheck});
 * resources read the caller from the {@code SecurityContext} rather than injecting
 * {@code JsonWebToken}, so public endpoints stay quiet for anonymous calls. At the door, before any
 * resource: internal resources only on the internal listener ({@link dev.onair.api.Listeners}),
 * bodies of 64 KiB at most ({@link dev.onair.api.Admission}), rate limits per client address for
 * what strangers call ({@link dev.onair.api.RateLimits}).
 */
package dev.onair.api;
