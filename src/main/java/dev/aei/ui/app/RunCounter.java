package dev.aei.ui.app;

import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts the prompts each user has sent, which is how many runs the backend started for them.
 * Prompts seen in an opened file are not the backend's: they are forgotten when the app goes live.
 */
final class RunCounter {
    private Map<String, Integer> runs = new HashMap<>();
    private Map<String, Integer> live;

    /** Looks at a frame of a lane; prompts this tool sent count as runs. */
    void see(String lane, Frame frame) {
        if (frame.direction() == Direction.OUT && frame.hasText() && frame.text().contains("\"user_message\"")) {
            runs.merge(lane, 1, Integer::sum);
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
