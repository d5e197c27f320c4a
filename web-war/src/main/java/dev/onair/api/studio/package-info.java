/**
 * The broadcaster's studio: returning to the unfinished channel, opening a new one, and the
 * two OBS fields (RTMP server URL and stream key). The stream key appears in no other response,
 * and is sent with {@code Cache-Control: no-store}.
 */
package dev.onair.api.studio;
