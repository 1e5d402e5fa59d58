package dev.aei.loadtest;

import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.EventDecoder;
import dev.aei.protocol.EventRole;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A recorded user's own runs, each as its steps in the order received: events grouped by run id
 * (an event without one belongs to the run open at the time), leaving out the runs of other users
 * it received (leaks, known by the recording's findings).
 */
final class OwnRuns {
    /** The roles that are steps of a run, with the names the generated simulation uses for them. */
    static final Map<EventRole, String> STEP_ROLES = stepRoles();

    private OwnRuns() {
    }

    private static Map<EventRole, String> stepRoles() {
        Map<EventRole, String> roles = new EnumMap<>(EventRole.class);
        roles.put(EventRole.STARTED, "started");
        roles.put(EventRole.THINKING, "thinking");
        roles.put(EventRole.TOOL_START, "tool-start");
        roles.put(EventRole.TOOL_END, "tool-end");
        roles.put(EventRole.COMPLETED, "completed");
        roles.put(EventRole.ERROR, "error");
        return roles;
    }

    /** The lane's runs in the order they began. */
    static List<List<LoadScript.Step>> of(Lane lane, EventDecoder decoder, Set<String> leakedRuns) {
        Map<String, List<LoadScript.Step>> runs = new LinkedHashMap<>();
        String open = null;
        for (Frame frame : lane.frames()) {
            if (frame.direction() != Direction.IN) {
                continue;
            }
            for (AgentEvent event : decoder.decode(lane.id(), frame)) {
                String role = STEP_ROLES.get(event.role());
                if (role == null) {
                    continue;
                }
                String run = event.runId() != null ? event.runId()
                        : open != null ? open
                        : event.role() == EventRole.STARTED ? "#" + runs.size() : null;
                if (run == null || leakedRuns.contains(run)) {
                    continue;
                }
                runs.computeIfAbsent(run, r -> new ArrayList<>()).add(step(event, role));
                open = event.role().endsRun() ? null : run;
            }
        }
        return new ArrayList<>(runs.values());
    }

    private static LoadScript.Step step(AgentEvent event, String role) {
        boolean tool = event.role() == EventRole.TOOL_START || event.role() == EventRole.TOOL_END;
        String toolName = tool ? event.toolName() : null;
        String type = event.type() == null ? role : event.type();
        return new LoadScript.Step(toolName == null ? type : type + " " + toolName, role, toolName);
    }
}
