package dev.aei.ui.settings;

/**
 * How the app's sockets behave, for every connection: out-of-range values (an old or hand-edited
 * settings file) fall back to the defaults instead of failing.
 *
 * @param pingSeconds how often an idle socket is pinged; one silent for one and a half intervals
 *                    counts as lost; 0 never pings
 * @param maxFrameMiB frames above this size are kept cut at it and flagged malformed; a change starts
 *                    a fresh live session, as the frames are read differently
 * @param reconnect   whether a dropped user reconnects by itself (1 s, doubling up to 30 s)
 */
public record NetworkPrefs(int pingSeconds, int maxFrameMiB, boolean reconnect) {
    /** The default ping interval, as the command line's {@code record}. */
    public static final int DEFAULT_PING_SECONDS = 20;
    /** The longest ping interval offered: an hour. */
    public static final int MAX_PING_SECONDS = 3600;
    /** The default frame size limit, as the command line's {@code record}. */
    public static final int DEFAULT_FRAME_MIB = 16;
    /** The largest frame size limit offered: every frame is held in memory whole. */
    public static final int MAX_FRAME_MIB = 64;

    public NetworkPrefs {
        pingSeconds = pingSeconds < 0 || pingSeconds > MAX_PING_SECONDS ? DEFAULT_PING_SECONDS : pingSeconds;
        maxFrameMiB = maxFrameMiB < 1 || maxFrameMiB > MAX_FRAME_MIB ? DEFAULT_FRAME_MIB : maxFrameMiB;
    }

    /** Pings every 20 s, 16 MiB frames, no reconnects: how the app behaved before these could be set. */
    public static NetworkPrefs defaults() {
        return new NetworkPrefs(DEFAULT_PING_SECONDS, DEFAULT_FRAME_MIB, false);
    }

    /** The frame size limit in bytes. */
    public int maxFrameBytes() {
        return maxFrameMiB * 1024 * 1024;
    }
}
