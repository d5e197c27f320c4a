/**
 * Owns the database schema. Flyway applies the SQL migrations in {@code db/migration} at
 * application start, before anything else touches the database; the same files run on Derby
 * and PostgreSQL, and JPA never generates or alters tables.
 */
package dev.onair.schema;
