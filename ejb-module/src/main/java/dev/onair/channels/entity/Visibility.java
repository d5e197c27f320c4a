package dev.onair.channels.entity;

/** Who may watch: anyone, or signed-in viewers only (through signed playback URLs). */
public enum Visibility {
    PUBLIC, PRIVATE
}
