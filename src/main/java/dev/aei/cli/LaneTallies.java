package dev.aei.cli;

import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.inspect.InspectionListener;
import dev.aei.protocol.AgentEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link RunTally} per lane of the shown session, fed with the frames the inspection decoded. */
final class LaneTallies implements InspectionListener {
    private final Map<String, RunTally> tallies = new LinkedHashMap<>();

    @Override
    public synchronized void laneAdded(Lane lane) {
        tallies.putIfAbsent(lane.id(), new RunTally(lane));
    }

    @Override
    public void frameDecoded(Lane lane, Frame frame, List<AgentEvent> events) {
        RunTally tally;
        synchronized (this) {
            tally = tallies.computeIfAbsent(lane.id(), id -> new RunTally(lane));
        }
        tally.see(frame, events);
    }

    /** The tallies in the order the lanes appeared. */
    synchronized List<RunTally> all() {
        return new ArrayList<>(tallies.values());
    }
}
