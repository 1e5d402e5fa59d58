package dev.aei.bench;

import dev.aei.capture.Session;

/** Where the UI figure's live stream comes from: each call appends the next frame to the session. */
@FunctionalInterface
public interface FrameSource {

    /** Appends one more frame (adding its lane first if it is new); called on one producer thread. */
    void appendNext(Session session);
}
