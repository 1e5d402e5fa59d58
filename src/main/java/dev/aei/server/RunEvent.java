package dev.aei.server;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One scripted event of a run, before it is shaped for the wire.
 *
 * @param type        the event type, e.g. {@code agent_thinking}
 * @param toolName    the tool for tool events, else null
 * @param toolCallId  pairs a tool_executing with its tool_completed, else null
 * @param data        the event's fields, in the names of the {@code data} form
 * @param flatInStrict true: strict netra mode sends this event in the flat shape
 */
record RunEvent(String type, String toolName, String toolCallId, Map<String, Object> data, boolean flatInStrict) {

    RunEvent {
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }
}
