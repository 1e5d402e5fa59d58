package dev.aei.inspect;

import dev.aei.analysis.DecodedFrameListener;
import dev.aei.analysis.Finding;
import dev.aei.capture.CaptureListener;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.LaneEvent;
import dev.aei.capture.Session;
import dev.aei.protocol.AgentEvent;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One session's way out to the inspection's listeners: passes its items on only while that session
 * is the one shown, so a session left behind (its sockets still closing, say) reaches nobody. The
 * check and the hand-over happen under the inspection's show lock, which a change of what is shown
 * holds too: an item is handed over before the change or not at all.
 */
final class ShownGate implements CaptureListener, DecodedFrameListener, Consumer<Finding> {
    private final Session session;
    private final Supplier<Session> shown;
    private final Object lock;
    private final InspectionListener out;

    ShownGate(Session session, Supplier<Session> shown, Object lock, InspectionListener out) {
        this.session = session;
        this.shown = shown;
        this.lock = lock;
        this.out = out;
    }

    @Override
    public void laneAdded(Lane lane) {
        synchronized (lock) {
            if (shown.get() == session) {
                out.laneAdded(lane);
            }
        }
    }

    @Override
    public void frameDecoded(Lane lane, Frame frame, List<AgentEvent> events) {
        synchronized (lock) {
            if (shown.get() == session) {
                out.frameDecoded(lane, frame, events);
            }
        }
    }

    @Override
    public void laneEventAppended(Lane lane, LaneEvent event) {
        synchronized (lock) {
            if (shown.get() == session) {
                out.laneEventAppended(lane, event);
            }
        }
    }

    @Override
    public void accept(Finding finding) {
        synchronized (lock) {
            if (shown.get() == session) {
                out.finding(finding);
            }
        }
    }
}
