package dev.aei.analysis;

import dev.aei.capture.LaneEvent;
import dev.aei.protocol.AgentEvent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The connection rules: {@code disconnect}, {@code reconnect}, {@code malformed-frame} and
 * {@code unknown-event} (binary frames each, unknown JSON types once per lane and type).
 * A close the inspector made itself (its lane event's detail contains
 * {@link LaneEvent#closedByInspector()}) is not a disconnect and does not leave runs incomplete, unless
 * it closed because it gave up waiting for them ({@link LaneEvent.ClosedBy#INSPECTOR_GAVE_UP}).
 */
final class ConnectionRules {
    private final FindingLog log;
    private final RunRules runs;
    private final SeqRules seq;
    private final PromptRules prompts;
    private final Map<String, LaneConnection> lanes = new HashMap<>();

    ConnectionRules(FindingLog log, RunRules runs, SeqRules seq, PromptRules prompts) {
        this.log = log;
        this.runs = runs;
        this.seq = seq;
        this.prompts = prompts;
    }

    private static final class LaneConnection {
        int connections;
        boolean down;
        final Set<String> unknownTypes = new HashSet<>();
    }

    void frame(AgentEvent e) {
        switch (e.role()) {
            case MALFORMED -> log.raise(Rule.MALFORMED_FRAME, e.lane(), null, "frame " + e.frame() + " is malformed: "
                    + e.problem(), List.of(e.frame()));
            case BINARY -> log.raise(Rule.UNKNOWN_EVENT, e.lane(), null, "frame " + e.frame() + " is a "
                    + e.problem() + ", which the profile cannot read", List.of(e.frame()));
            case UNKNOWN -> {
                if (lane(e.lane()).unknownTypes.add(String.valueOf(e.type()))) {
                    log.raise(Rule.UNKNOWN_EVENT, e.lane(), e.runId(), e.problem() + " (first at frame " + e.frame()
                            + "; later ones of this type are not reported again)", List.of(e.frame()));
                }
            }
            default -> { }
        }
    }

    void laneEvent(String laneId, LaneEvent event) {
        LaneConnection lane = lane(laneId);
        switch (event.kind()) {
            case CONNECTED -> {
                if (lane.connections++ > 0) {
                    log.raise(Rule.RECONNECT, laneId, null, "reconnected (connection " + lane.connections + ")",
                            List.of());
                }
                lane.down = false;
            }
            case CLOSED, FAILED -> lost(laneId, lane, event);
            default -> { }
        }
    }

    private void lost(String laneId, LaneConnection lane, LaneEvent event) {
        if (lane.down) {
            return; // one loss can be told twice (error, then close)
        }
        seq.connectionEnded(laneId);
        String detail = event.detail() == null ? "" : event.detail();
        if (event.kind() == LaneEvent.Kind.CLOSED && event.closedByInspector()) {
            if (event.closedBy() == LaneEvent.ClosedBy.INSPECTOR_GAVE_UP) {
                runs.gaveUp(laneId);
                prompts.gaveUp(laneId);
            }
            return; // no loss to tell, so the lane is not down: a next attempt that fails is told
        }
        lane.down = true;
        boolean failed = event.kind() == LaneEvent.Kind.FAILED;
        String what = (failed ? (lane.connections == 0 ? "could not connect" : "the connection failed")
                : "the socket closed") + (event.code() == 0 ? "" : " (code " + event.code() + ")")
                + (detail.isBlank() ? "" : ": " + detail);
        log.raise(Rule.DISCONNECT, laneId, null, what, List.of());
        runs.connectionLost(laneId, what);
        prompts.connectionLost(laneId, what);
    }

    private LaneConnection lane(String id) {
        return lanes.computeIfAbsent(id, k -> new LaneConnection());
    }
}
