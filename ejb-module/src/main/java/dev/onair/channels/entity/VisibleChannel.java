package dev.onair.channels.entity;

/** A channel a viewer may see, and how ({@link Access}: whose playback signature its URLs carry). */
public record VisibleChannel(Channel channel, Access access) {
}
