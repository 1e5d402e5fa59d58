package dev.aei.ui.bench;

import dev.aei.capture.Session;
import dev.aei.ui.feed.FeedPump;

/**
 * Where the live stream goes: the session a window shows, and the pump that carries it to the screen.
 *
 * @param session the session to append the stream to
 * @param pump    the window's pump (pulse intervals, backlog)
 */
record LiveTarget(Session session, FeedPump pump) {
}
