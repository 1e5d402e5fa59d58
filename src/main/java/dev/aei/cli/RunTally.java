package dev.aei.cli;

import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.EventDecoder;
import dev.aei.protocol.EventRole;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What one lane has received so far, read through the profile: events per type, runs started
 * and finished. Catches up on new frames when asked, off the network threads.
 */
final class RunTally {
    private final Lane lane;
    private final EventDecoder decoder;
    private final Map<String, Integer> perType = new LinkedHashMap<>();
    private final Set<String> startedRuns = new HashSet<>();
    private final Set<String> completedRuns = new HashSet<>();
    private final Set<String> erroredRuns = new HashSet<>();
    private final Set<String> finishedThreads = new HashSet<>();
    private int scanned;
    private int in;
    private int out;

    RunTally(Lane lane, EventDecoder decoder) {
        this.lane = lane;
        this.decoder = decoder;
    }

    /** Reads the frames that arrived since the last call. */
    void catchUp() {
        int size = lane.frames().size();
        for (; scanned < size; scanned++) {
            Frame frame = lane.frames().get(scanned);
            if (frame.direction() == Direction.OUT) {
                out++;
                continue;
            }
            in++;
            decoder.decode(lane.id(), frame).forEach(this::count);
        }
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
            if (event.threadId() != null) {
                finishedThreads.add(event.threadId());
            }
        }
    }

    /** True once a run of the given thread completed or ended with an error. */
    boolean threadFinished(String threadId) {
        return finishedThreads.contains(threadId);
    }

    /** Like {@link #threadFinished}; a prompt that named no thread is finished once any run of the lane is. */
    boolean finished(String threadId) {
        return threadId == null ? !completedRuns.isEmpty() || !erroredRuns.isEmpty() : threadFinished(threadId);
    }

    Lane lane() {
        return lane;
    }

    int framesIn() {
        return in;
    }

    int framesOut() {
        return out;
    }

    int runsStarted() {
        return startedRuns.size();
    }

    int runsCompleted() {
        return completedRuns.size();
    }

    int runsErrored() {
        return erroredRuns.size();
    }

    /** Event counts by type in first-seen order; frames without a type count under their role. */
    Map<String, Integer> perType() {
        return perType;
    }
}
