package dev.aei.ui.app;

import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import java.util.HashMap;
import java.util.Map;

/** Counts the prompts each user has sent, which is how many runs the backend started for them. */
final class RunCounter {
    private final Map<String, Integer> runs = new HashMap<>();

    /** Looks at a frame of a lane; prompts this tool sent count as runs. */
    void see(String lane, Frame frame) {
        if (frame.direction() == Direction.OUT && frame.hasText() && frame.text().contains("\"user_message\"")) {
            runs.merge(lane, 1, Integer::sum);
        }
    }

    /** Runs started so far by a user. */
    int runs(String user) {
        return runs.getOrDefault(user, 0);
    }
}
