/**
 * Every error the API answers is an RFC 9457 problem document ({@code application/problem+json})
 * built by {@link dev.onair.api.problems.Problems}. The {@code type} member is a stable URN
 * ({@code urn:onair:problem:<name>}) that clients may switch on; {@code errors} names the
 * offending fields of a 400. Unexpected failures are logged with an incident id and answered
 * as a 500 that reveals nothing else.
 */
package dev.onair.api.problems;
