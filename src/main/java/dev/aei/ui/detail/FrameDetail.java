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
 * @param raw         the text exactly as received (not reformatted), only secrets in it replaced
 * @param findings    the findings that name this frame
 * @param client      what the backend's own client makes of the event, or null when its contract
 *                    says nothing about this kind of frame
 */
public record FrameDetail(String lane, int frame, String heading, List<Fact> facts, JsonNode json, String raw,
                          List<Finding> findings, ClientView client) {

    /** A detail without the client's view. */
    public FrameDetail(String lane, int frame, String heading, List<Fact> facts, JsonNode json, String raw,
                       List<Finding> findings) {
        this(lane, frame, heading, facts, json, raw, findings, null);
    }

    /** One labelled value. */
    public record Fact(String label, String value) {
    }

    /**
     * The event as the client sees it.
     *
     * @param client who reads it, e.g. "the netra web client"
     * @param lines  one per field the client reads, in the contract's order
     */
    public record ClientView(String client, List<ClientLine> lines) {
        public ClientView {
            lines = List.copyOf(lines);
        }

        /** True when a field the client needs is not where it reads it. */
        public boolean anyMissing() {
            return lines.stream().anyMatch(l -> l.missing() && l.needed());
        }
    }

    /**
     * One field as the client takes it.
     *
     * @param label   what it is to the user, e.g. "tool"
     * @param shown   what the client displays: the value, or what it shows instead (e.g. {@code unknown_tool})
     * @param source  where the value came from ("payload.tool_name"), or for a missing field where the
     *                client looked and where the value is instead
     * @param missing true when the client found nothing where it reads
     * @param needed  true when the client cannot render the event sensibly without it
     */
    public record ClientLine(String label, String shown, String source, boolean missing, boolean needed) {
    }
}
