/**
 * Owns delivery: HLS from nginx's folders to S3 as it is cut, the replay of every broadcast,
 * thumbnails, and the URLs viewers play from.
 * <ul>
 * <li><b>The sync.</b> {@link dev.onair.delivery.boundary.HlsSync} starts a
 * {@link dev.onair.delivery.boundary.FolderSync} for a broadcaster's folder on
 * {@code StreamStarted} and {@code StreamResumed} (after commit) and resumes every folder with
 * work left at start-up. A folder sync records each segment nginx newly lists (a
 * {@link dev.onair.delivery.entity.Segment} row: the durable queue and the replay's source),
 * uploads it through {@link dev.onair.delivery.control.ObjectStore} (the AWS SDK's async S3
 * client), then writes the channel's live playlist, then marks the rows and deletes the files.
 * Failures are retried with backoff for as long as they last; nothing waits in memory but a
 * bounded window.</li>
 * <li><b>Attribution.</b> nginx names folders by the stream's public name, the same for every
 * broadcast of a broadcaster, and with {@code hls_continuous} keeps numbering and earlier
 * publishes in its window, each starting with a discontinuity: the last run of a playlist is the
 * session that was publishing when nginx wrote it, each run before it the session before.</li>
 * <li><b>Replay.</b> On {@code StreamEnded}, once all of the channel is in S3, a VOD playlist of
 * every segment of every session ({@link dev.onair.delivery.control.MediaPlaylists}) and a
 * {@link dev.onair.delivery.entity.Replay} row.</li>
 * <li><b>Playback.</b> {@link dev.onair.delivery.control.Playback} builds CDN URLs, signed with
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
