package dev.aei.ui.detail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aei.analysis.Finding;
import java.util.List;

/**
 * Everything the detail panel shows about one frame, already formatted and redacted.
 *
 * @param lane        the lane (user id)
 * @param frame       the frame's index in its lane
 * @param heading     "IN #12 · agent_thinking"
 * @param facts       label/value pairs in display order (direction, seq, times, latency, size…)
 * @param json        the redacted JSON, or null when the frame is not JSON
 * @param raw         the redacted text, pretty-printed when it is JSON
 * @param findings    the findings that name this frame
 */
public record FrameDetail(String lane, int frame, String heading, List<Fact> facts, JsonNode json, String raw,
                          List<Finding> findings) {

    /** One labelled value. */
    public record Fact(String label, String value) {
    }
}
