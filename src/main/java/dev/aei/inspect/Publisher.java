package dev.aei.inspect;

import dev.aei.analysis.Finding;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.LaneEvent;
import dev.aei.net.LaneState;
import dev.aei.protocol.AgentEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/** Hands everything an inspection publishes on to every listener, and every lane state to every state listener. */
final class Publisher implements InspectionListener {
    final List<InspectionListener> listeners = new CopyOnWriteArrayList<>();
    final List<BiConsumer<String, LaneState>> stateListeners = new CopyOnWriteArrayList<>();

    /** A lane's connection state: a change (on network threads), or the state of a socket a connect kept. */
    void laneState(String lane, LaneState state) {
        stateListeners.forEach(l -> l.accept(lane, state));
    }

    @Override
    public void shown(Shown shown) {
        listeners.forEach(l -> l.shown(shown));
    }

    @Override
    public void laneAdded(Lane lane) {
        listeners.forEach(l -> l.laneAdded(lane));
    }

    @Override
    public void frameDecoded(Lane lane, Frame frame, List<AgentEvent> events) {
        listeners.forEach(l -> l.frameDecoded(lane, frame, events));
    }

    @Override
    public void laneEventAppended(Lane lane, LaneEvent event) {
        listeners.forEach(l -> l.laneEventAppended(lane, event));
    }

    @Override
    public void finding(Finding finding) {
        listeners.forEach(l -> l.finding(finding));
    }
}
