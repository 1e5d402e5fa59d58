package dev.aei.net;

import dev.aei.auth.Redactor;
import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.LaneEvent;
import dev.aei.capture.Opcode;
import dev.aei.capture.Session;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stamps one lane's frames and events into the session, so that a failing session listener never stops the lane. */
final class LaneRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(LaneRecorder.class);

    private final Session session;
    private final Lane lane;
    private final AtomicBoolean listenerFailureLogged = new AtomicBoolean();

    LaneRecorder(Session session, Lane lane) {
        this.session = session;
        this.lane = lane;
    }

    /** Stamps a received frame, already fitted to the frame size limit. */
    void in(Opcode opcode, PayloadLimit.Payload payload) {
        try {
            session.append(lane, Direction.IN, opcode, payload.text(), payload.bytes());
        } catch (RuntimeException e) {
            listenerFailed(e);
        }
    }

    /**
     * Stamps an OUT frame. The session tells its listeners after appending and rethrows the first
     * listener failure; that is not this lane's to handle and must not keep the message from going out.
     */
    Frame out(String text) {
        try {
            return session.appendText(lane, Direction.OUT, text);
        } catch (RuntimeException listenerFailure) {
            listenerFailed(listenerFailure);
            List<Frame> frames = lane.frames();
            for (int i = frames.size() - 1; i >= 0; i--) {
                if (frames.get(i).text() == text) {
                    return frames.get(i);
                }
            }
            throw listenerFailure;
        }
    }

    /** Stamps a connection event, saying who closed the socket when it is a close. */
    void event(LaneEvent.Kind kind, int code, String detail, LaneEvent.ClosedBy closedBy) {
        try {
            session.appendEvent(lane, kind, code, detail, closedBy);
        } catch (RuntimeException listenerFailure) {
            // the event is recorded; a failing listener must not stall this lane's state machine
            listenerFailed(listenerFailure);
        }
    }

    /** Says once per lane that a session listener failed (it is not this lane's to fix, and may repeat per frame). */
    private void listenerFailed(RuntimeException failure) {
        if (!listenerFailureLogged.getAndSet(true)) {
            LOG.warn("a capture listener failed on lane {}; further failures on this lane are not logged: {}",
                    lane.id(), Redactor.message(String.valueOf(failure)));
        }
    }
}
