package dev.aei.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A typed view over one frame (or one member of an {@code event_batch}), made by a profile.
 * Computed on demand; the raw frame stays the source of truth. Absent fields are null.
 *
 * @param lane        the lane (user id) the frame arrived on
 * @param frame       the frame's index in that lane
 * @param nanos       the frame's stamp on the session clock
 * @param type        the event type as the backend named it (null for malformed/binary frames)
 * @param role        what the type means
 * @param runId       run id
 * @param threadId    thread id, possibly derived from the run id
 * @param userId      the user the server says the event belongs to
 * @param seq         sequence number, where the backend sends one
 * @param serverTime  the server's timestamp
 * @param toolCallId  tool call id (or execution id)
 * @param toolName    tool name
 * @param attempt     delivery attempt, 1 unless the backend says otherwise
 * @param body        the JSON object of the event when it was given as a tree, else null (see {@link #body()})
 * @param problem     why the frame is malformed or unknown, for messages; else null
 * @param source      the event's text in its frame, as a decoder read it; null for events given as a tree
 * @param pair        the part the type plays in one of the profile's pairs (opens a text message…), or null
 * @param pairKey     the key of that pair (a message id, a tool call id…), or null
 * @param pairFallback the pair's fallback key (netra: the tool name), or null
 * @param eventId     the event id the profile's duplicate check reads, or null
 * @param pairText    for an inside event of a pair that streams text (an AG-UI text delta), that text, read
 *                    while decoding so nobody parses the event again for it; else null
 */
public record AgentEvent(String lane, int frame, long nanos, String type, EventRole role,
                         String runId, String threadId, String userId, Long seq, Instant serverTime,
                         String toolCallId, String toolName, int attempt, JsonNode body, String problem,
                         EventText source, Grammar.Member pair, String pairKey, String pairFallback,
                         String eventId, String pairText) {

    /** An event read from text, with no pair key or event id. */
    public AgentEvent(String lane, int frame, long nanos, String type, EventRole role,
                      String runId, String threadId, String userId, Long seq, Instant serverTime,
                      String toolCallId, String toolName, int attempt, JsonNode body, String problem,
                      EventText source) {
        this(lane, frame, nanos, type, role, runId, threadId, userId, seq, serverTime, toolCallId, toolName, attempt,
                body, problem, source, null, null, null, null, null);
    }

    /** An event over an already built JSON tree (or none). */
    public AgentEvent(String lane, int frame, long nanos, String type, EventRole role,
                      String runId, String threadId, String userId, Long seq, Instant serverTime,
                      String toolCallId, String toolName, int attempt, JsonNode body, String problem) {
        this(lane, frame, nanos, type, role, runId, threadId, userId, seq, serverTime, toolCallId, toolName, attempt,
                body, problem, null);
    }

    /** The JSON object of the event, or null; a decoded event parses its text on the first call. */
    @Override
    public JsonNode body() {
        return body != null || source == null ? body : source.tree();
    }
}
