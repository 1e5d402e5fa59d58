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
 * is the one shown, so a session left behind (its sockets still closing, say) reaches nobody.
 */
final class ShownGate implements CaptureListener, DecodedFrameListener, Consumer<Finding> {
    private final Session session;
    private final Supplier<Session> shown;
    private final InspectionListener out;

    ShownGate(Session session, Supplier<Session> shown, InspectionListener out) {
        this.session = session;
        this.shown = shown;
        this.out = out;
    }

    @Override
    public void laneAdded(Lane lane) {
        if (shown.get() == session) {
            out.laneAdded(lane);
        }
    }

    @Override
    public void frameDecoded(Lane lane, Frame frame, List<AgentEvent> events) {
        if (shown.get() == session) {
            out.frameDecoded(lane, frame, events);
        }
    }

    @Override
    public void laneEventAppended(Lane lane, LaneEvent event) {
        if (shown.get() == session) {
            out.laneEventAppended(lane, event);
        }
    }

    @Override
    public void accept(Finding finding) {
        if (shown.get() == session) {
            out.finding(finding);
        }
    }
}
