package dev.onair.channels.entity;

/**
 * Who may see and watch a channel: anyone, or (private) only its broadcaster, the admins, the
 * accounts the broadcaster allows and whoever holds its share link, through signed playback URLs.
 */
public enum Visibility {
    PUBLIC, PRIVATE
}
