/**
 * OnAir's REST API under {@code /api}: one sub-package per business component, each a thin
 * JAX-RS layer over that component's boundary EJBs. Requests are parsed strictly
 * ({@link dev.onair.api.JsonBody}: unknown fields, wrong types and malformed JSON are 400s naming
 * the field) and every error leaves as problem+json ({@link dev.onair.api.problems}).
 * Bearer tokens are MicroProfile JWTs; resources read the caller from the {@code SecurityContext}
 * rather than injecting {@code JsonWebToken}, so public endpoints stay quiet for anonymous calls.
 */
package dev.onair.api;
