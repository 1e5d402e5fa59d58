package dev.aei.inspect;

/** What an inspection shows: the live session, an opened file whole, or a replay of that file. */
public enum Mode {
    /** Nothing yet: no user connected, no file opened. */
    NONE,
    /** The live session, growing as frames arrive. */
    LIVE,
    /** An opened file, whole. */
    FILE,
    /** An opened file being replayed into a fresh session. */
    REPLAY
}
