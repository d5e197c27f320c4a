package dev.onair.channels.entity;

/**
 * Why a viewer may see a channel, or that they may not. {@code viewerKey} names the viewer for
 * their own playback signature (an account, or a share link): a private channel's signature is
 * issued per viewer, never one for everybody.
 */
public record Access(Grant grant, String viewerKey) {

    public enum Grant {
        /** Neither public nor open to this viewer: as if it did not exist. */
        NONE,
        /** A public channel; no signature needed. */
        PUBLIC,
        OWNER,
        ADMIN,
        /** An account the broadcaster allowed. */
        ALLOWED,
        /** The holder of the channel's current share link. */
        SHARE_LINK
    }

    public static final Access NONE = new Access(Grant.NONE, null);
    public static final Access PUBLIC = new Access(Grant.PUBLIC, null);

    public boolean granted() {
        return grant != Grant.NONE;
    }

    /** Whether the viewer may change the channel's viewers and share link (its broadcaster or an admin). */
    public boolean manages() {
        return grant == Grant.OWNER || grant == Grant.ADMIN;
    }
}
