/**
 * What every business component shares: the domain exceptions that the web tier turns into
 * problem+json, text validation that counts characters the way people do (code points, so
 * Korean and emoji count as one each), the JPA converter for {@link java.time.Instant}, and
 * {@link dev.onair.shared.NginxProcess}, one supervised nginx (ingest runs one, the local edge another),
 * with {@link dev.onair.shared.NginxText} for the configuration both render, PEM text and
 * periodic housekeeping jobs ({@link dev.onair.shared.Periodic}).
 * <p>
 * Settings: each component reads its keys through one settings bean, a
 * {@link dev.onair.shared.Settings.Bound} whose fields name them; {@link dev.onair.shared.Settings}
 * binds it from MicroProfile Config and holds the rules every value is checked with (the same in
 * every component), {@link dev.onair.shared.SettingsCheck} checks them all at start-up, and the
 * defaults are written once, in {@code META-INF/microprofile-config.properties}. This node's own
 * settings are {@link dev.onair.shared.NodeConfig}; the data folder is injected as
 * {@code @DataFolder Path} from its one producer, {@link dev.onair.shared.DataFolders}.
 * <p>
 * Work that must commit piece by piece (one overdue channel, one publish to end) runs through
 * {@link dev.onair.shared.Transactions}, so no boundary publishes a {@code REQUIRES_NEW} helper.
 * Domain exceptions are {@code @ApplicationException(rollback = true)}: throwing one from an
 * EJB undoes the transaction and reaches the caller unwrapped.
 */
package dev.onair.shared;
