package dev.aei.cli;

import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.EventRole;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What one lane has received so far, read through the profile: events per type, runs started
 * and finished. Fed the events the session's analysis decoded, on capture threads.
 */
final class RunTally {
    private final Lane lane;
    private final Map<String, Integer> perType = new LinkedHashMap<>();
    private final Set<String> startedRuns = new HashSet<>();
    private final Set<String> completedRuns = new HashSet<>();
    private final Set<String> erroredRuns = new HashSet<>();
    private int in;
    private int out;

    RunTally(Lane lane) {
        this.lane = lane;
    }

    /** Counts a frame of the lane with the events decoded from it. */
    synchronized void see(Frame frame, List<AgentEvent> events) {
        if (frame.direction() == Direction.OUT) {
            out++;
            return;
        }
        in++;
        events.forEach(this::count);
    }

    private void count(AgentEvent event) {
        String type = event.type() != null ? event.type() : "(" + event.role().name().toLowerCase(Locale.ROOT) + ")";
        perType.merge(type, 1, Integer::sum);
        if (event.runId() == null) {
            return;
        }
        if (event.role() == EventRole.STARTED) {
            startedRuns.add(event.runId());
        } else if (event.role() == EventRole.COMPLETED || event.role() == EventRole.ERROR) {
            (event.role() == EventRole.COMPLETED ? completedRuns : erroredRuns).add(event.runId());
        }
    }

    Lane lane() {
        return lane;
    }

    synchronized int framesIn() {
        return in;
    }

    synchronized int framesOut() {
        return out;
    }

    synchronized int runsStarted() {
        return startedRuns.size();
    }

    synchronized int runsCompleted() {
        return completedRuns.size();
    }

    synchronized int runsErrored() {
        return erroredRuns.size();
    }

    /** Event counts by type in first-seen order; frames without a type count under their role. */
    synchronized Map<String, Integer> perType() {
        return new LinkedHashMap<>(perType);
    }
}
