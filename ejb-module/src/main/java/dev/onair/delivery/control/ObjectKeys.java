package dev.onair.delivery.control;

import dev.onair.delivery.entity.Segment;

/**
 * Where a channel's objects live in the bucket. Everything of a channel is under one folder,
 * {@code [private/]channels/<channel id>/}, so one CDN path pattern (and one signed policy)
 * covers it; private channels are under their own prefix so that the CDN can demand a signature
 * there and nowhere else. Keys never contain the stream key or its public name.
 */
public final class ObjectKeys {

    private ObjectKeys() {
    }

    /** The channel's folder, ending with a slash. */
    public static String channelFolder(String privatePrefix, boolean isPrivate, String channelId) {
        return (isPrivate ? privatePrefix : "") + "channels/" + channelId + "/";
    }

    public static String segment(String channelFolder, String publishId, long number) {
        return channelFolder + segmentUri(publishId, number);
    }

    /** The key of segment {@code number} of {@code publish}: known from the listing, before the segment is recorded. */
    public static String segment(String privatePrefix, SyncRecords.FolderPublish publish, long number) {
        return segment(channelFolder(privatePrefix, publish.privateChannel(), publish.channelId()), publish.publishId(), number);
    }

    /** A segment's URI relative to the channel folder, as the playlists name it. */
    public static String segmentUri(String publishId, long number) {
        return publishId + "/" + number + ".ts";
    }

    public static String livePlaylist(String channelFolder) {
        return channelFolder + "live.m3u8";
    }

    public static String replayPlaylist(String channelFolder) {
        return channelFolder + "replay.m3u8";
    }

    public static String latestThumbnail(String channelFolder) {
        return channelFolder + "thumbnails/latest.jpg";
    }

    public static String thumbnailAt(String channelFolder, long epochSecond) {
        return channelFolder + "thumbnails/" + epochSecond + ".jpg";
    }

    /** The channel folder a recorded segment's key lies in, ending with a slash. */
    public static String folderOf(Segment segment) {
        String key = segment.objectKey();
        return key.substring(0, key.length() - segmentUri(segment.publishId(), segment.number()).length());
    }
}
