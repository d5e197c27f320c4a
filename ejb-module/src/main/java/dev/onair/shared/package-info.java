/**
 * What every business component shares: the domain exceptions that the web tier turns into
 * problem+json, text validation that counts characters the way people do (code points, so
 * Korean and emoji count as one each), the JPA converter for {@link java.time.Instant}, and
 * {@link dev.onair.shared.NginxProcess}, one supervised nginx (ingest runs one, the local edge another),
 * with {@link dev.onair.shared.NginxText} for the configuration both render, reading settings
 * ({@link dev.onair.shared.Settings}, {@link dev.onair.shared.InternalListener}), PEM text and
 * periodic housekeeping jobs ({@link dev.onair.shared.Periodic}).
 * Domain exceptions are {@code @ApplicationException(rollback = true)}: throwing one from an
 * EJB undoes the transaction and reaches the caller unwrapped.
 */
package dev.onair.shared;
