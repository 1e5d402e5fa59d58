package dev.aei.ui.app;

import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.EventRole;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Counts the prompts each user has sent, which is how many runs the backend started for them.
 * Prompts seen in an opened file are not the backend's: they are forgotten when the app goes live.
 */
final class RunCounter {
    private final Predicate<String> isPrompt;
    private Map<String, Integer> runs = new HashMap<>();
    private Map<String, Integer> live;
    private Runnable onChange = () -> { };

    /** @param isPrompt whether a sent message type asks for a run (the event profile's prompt types) */
    RunCounter(Predicate<String> isPrompt) {
        this.isPrompt = isPrompt;
    }

    /** Tells {@code listener} whenever a run is counted. */
    void onChange(Runnable listener) {
        onChange = listener;
    }

    /** Looks at the decoded events of a frame of a lane; prompts this tool sent count as runs. */
    void see(String lane, List<AgentEvent> events) {
        for (AgentEvent event : events) {
            if (event.role() == EventRole.OUTGOING && event.type() != null && isPrompt.test(event.type())) {
                runs.merge(lane, 1, Integer::sum);
                onChange.run();
            }
        }
    }

    /** A file is shown from now on: what the live session counted is kept aside. */
    void fileShown() {
        if (live == null) {
            live = new HashMap<>(runs);
        }
    }

    /** The live session is shown again: the counts go back to what it had counted. */
    void liveShown() {
        if (live != null) {
            runs = live;
            live = null;
        }
    }

    /** Runs started so far by a user. */
    int runs(String user) {
        return runs.getOrDefault(user, 0);
    }
}
