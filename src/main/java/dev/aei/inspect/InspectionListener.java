package dev.aei.inspect;

import dev.aei.analysis.Finding;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.LaneEvent;
import dev.aei.protocol.AgentEvent;
import java.util.List;

/**
 * Told about what an {@link Inspection} shows, in order: first {@link #shown} when what is shown
 * changes, then that session's lanes, decoded frames, connection events and findings. Items of a
 * session no longer shown never arrive after the change. Called on capture or worker threads:
 * implementations must be quick, must not throw and never touch a UI toolkit.
 */
public interface InspectionListener {

    /** What is shown changed; everything told before belonged to what was shown before. */
    default void shown(Shown shown) {
    }

    /** A lane of the shown session appeared. */
    default void laneAdded(Lane lane) {
    }

    /** A frame of the shown session, with the events decoded from it (decoded once, here). */
    default void frameDecoded(Lane lane, Frame frame, List<AgentEvent> events) {
    }

    /** A connection event of the shown session. */
    default void laneEventAppended(Lane lane, LaneEvent event) {
    }

    /** A finding about the shown session. */
    default void finding(Finding finding) {
    }
}
