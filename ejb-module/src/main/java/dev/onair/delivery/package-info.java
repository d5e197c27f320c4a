/**
 * Owns delivery: HLS from nginx's folders to S3 as it is cut, the replay of every broadcast,
 * thumbnails, and the URLs viewers play from.
 * <ul>
 * <li><b>The sync.</b> {@link dev.onair.delivery.boundary.HlsSync} starts a
 * {@link dev.onair.delivery.boundary.FolderSync} for a broadcaster's folder on
 * {@code StreamStarted} and {@code StreamResumed} (after commit), wakes it on nginx's file events
 * and a sweep, and resumes every folder with work left at start-up. A folder sync is an actor (a
 * {@link dev.onair.delivery.control.SerialRunner} runs its step, never twice at once) over small
 * parts in {@code control}, each with unit tests that state its rules against in-memory fakes of
 * the two ports, {@link dev.onair.delivery.control.SyncRecords} (the rows) and
 * {@link dev.onair.delivery.control.Bucket} (S3):
 * {@link dev.onair.delivery.control.PlaylistReader} records what nginx newly lists (a
 * {@link dev.onair.delivery.entity.Segment} row: the durable queue and the replay's source);
 * {@link dev.onair.delivery.control.UploadQueue} uploads it, a bounded window in memory (a
 * segment at the live edge while its row is being written);
 * {@link dev.onair.delivery.control.LiveWindows} writes the channel's live playlist once every
 * segment it names is in S3 (segment before playlist), and only then are the rows marked and the
 * files deleted; {@link dev.onair.delivery.control.FolderHealth} retries with backoff for as long
 * as it takes; {@link dev.onair.delivery.control.ThumbnailSchedule} and
 * {@link dev.onair.delivery.control.ReplayWriter} do the rest. A step writes the database once,
 * and a steady stream's step reads nothing from it first (the folder's publishes are asked for
 * again only when nginx opens a new run).</li>
 * <li><b>Its own records.</b> {@link dev.onair.delivery.boundary.StreamRecords} keeps delivery's
 * record of every channel that went live ({@link dev.onair.delivery.entity.DeliveryChannel}: private
 * or not, ended when) and of its publishes ({@link dev.onair.delivery.entity.DeliveryPublish}: the
 * folder, started, ended), written from the stream events in the transaction that fires them, which
 * carry the folder and the visibility for it. The sync reads these and its own rows only, no table
 * of ingest's or channels'.</li>
 * <li><b>Attribution.</b> nginx names folders by the stream's public name, the same for every
 * broadcast of a broadcaster, and with {@code hls_continuous} keeps numbering and earlier
 * publishes in its window, each starting with a discontinuity: the last run of a playlist is the
 * publish that was publishing when nginx wrote it, each run before it the publish before.</li>
 * <li><b>Replay.</b> On {@code StreamEnded}, once all of the channel is in S3, a VOD playlist of
 * every segment of every publish ({@link dev.onair.delivery.control.MediaPlaylists}) and a
 * {@link dev.onair.delivery.entity.Replay} row; {@link dev.onair.delivery.boundary.Replays} says
 * who may play it.</li>
 * <li><b>Playback.</b> {@link dev.onair.delivery.boundary.Playbacks} hands out, and
 * {@link dev.onair.delivery.control.Playback} builds, CDN URLs, signed with
 * CloudFront's custom policy for private channels, per viewer, for the viewers the channels
 * component found entitled; {@link dev.onair.delivery.control.SignedPolicy} checks such
 * signatures.</li>
 * <li><b>The local edge.</b> Where no CloudFront exists (one machine),
 * {@link dev.onair.delivery.boundary.LocalEdge} runs an nginx of its own that stands in for it;
 * {@link dev.onair.delivery.control.EdgeAuthorization} answers its questions about private paths.
 * It serves canonical paths only and fetches exactly the path it checked.</li>
 * </ul>
 */
package dev.onair.delivery;
