package dev.onair.delivery.entity;

/** What a viewer may play of a channel, on the CDN; every member may be null (none for a private channel's stranger). */
public record PlaybackUrls(String playbackUrl, String replayUrl, String thumbnailUrl, PlaybackSignature signature) {

    public static final PlaybackUrls NONE = new PlaybackUrls(null, null, null, null);
}
