package dev.aei.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.analysis.Finding;
import dev.aei.analysis.Severity;
import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.protocol.EventDecoder;
import dev.aei.protocol.EventRole;
import dev.aei.protocol.Profile;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineModelTest {
    private static final long MS = 1_000_000L;
    private static final String RUN = "run_t-1_00001_0000abcd";

    private final TimelineModel model = new TimelineModel(new EventDecoder(Profile.load("netra"))::decode);
    private int index;

    private void in(long atMs, String json) {
        model.addFrame("alice", Frame.text(index++, Direction.IN, atMs * MS, 1_000 + atMs, json));
    }

    private static String event(String type, String extra) {
        return "{\"type\":\"" + type + "\",\"run_id\":\"" + RUN + "\"" + extra + "}";
    }

    @Test
    void decodesEachFrameOnceIntoCompactColumns() {
        in(10, event("agent_started", ""));
        in(20, event("agent_thinking", ""));
        in(30, "not json");
        in(40, "{\"type\":\"event_batch\",\"events\":[" + event("agent_thinking", "") + "," + event("agent_completed", "") + "]}");

        EventColumns events = model.find("alice").events();
        assertThat(events.size()).isEqualTo(5);
        assertThat(events.role(0)).isEqualTo(EventRole.STARTED);
        assertThat(events.role(2)).isEqualTo(EventRole.MALFORMED);
        assertThat(events.frame(4)).isEqualTo(3);
        assertThat(events.firstAtOrAfter(25 * MS)).isEqualTo(2);
        assertThat(events.firstOfFrame(3)).isEqualTo(3);
        assertThat(model.firstNanos()).isEqualTo(10 * MS);
        assertThat(model.lastNanos()).isEqualTo(40 * MS);
    }

    @Test
    void pairsToolsByNameInOrderWhenThereAreNoCallIds() {
        in(0, event("agent_started", ""));
        in(10, event("tool_executing", ",\"tool_name\":\"search\""));
        in(20, event("tool_executing", ",\"tool_name\":\"search\""));
        in(30, event("tool_completed", ",\"tool_name\":\"search\""));
        in(50, event("tool_completed", ",\"tool_name\":\"search\""));

        SpanColumns tools = model.find("alice").tools();
        assertThat(tools.size()).isEqualTo(2);
        assertThat(tools.start(0)).isEqualTo(10 * MS);
        assertThat(tools.end(0, 0)).isEqualTo(30 * MS);
        assertThat(tools.end(1, 0)).isEqualTo(50 * MS);
        assertThat(model.string(tools.label(0))).isEqualTo("search");
    }

    @Test
    void everyPairTheProfileDeclaresIsASpanNotOnlyToolCalls() {
        TimelineModel agUi = new TimelineModel(new EventDecoder(Profile.load("ag-ui"))::decode);
        String[] frames = {"{\"type\":\"RUN_STARTED\",\"threadId\":\"t\",\"runId\":\"r\"}",
            "{\"type\":\"STEP_STARTED\",\"stepName\":\"plan\"}",
            "{\"type\":\"TEXT_MESSAGE_START\",\"messageId\":\"m1\"}",
            "{\"type\":\"TEXT_MESSAGE_CONTENT\",\"messageId\":\"m1\",\"delta\":\"hi\"}",
            "{\"type\":\"TOOL_CALL_START\",\"toolCallId\":\"c1\",\"toolCallName\":\"search\"}",
            "{\"type\":\"TEXT_MESSAGE_END\",\"messageId\":\"m1\"}",
            "{\"type\":\"THINKING_START\"}",
            "{\"type\":\"TOOL_CALL_END\",\"toolCallId\":\"c1\"}",
            "{\"type\":\"THINKING_END\"}",
            "{\"type\":\"STEP_FINISHED\",\"stepName\":\"plan\"}"};
        for (int i = 0; i < frames.length; i++) {
            agUi.addFrame("alice", Frame.text(i, Direction.IN, i * 10 * MS, 1_000 + i, frames[i]));
        }
        SpanColumns spans = agUi.find("alice").tools();
        assertThat(spans.size()).isEqualTo(4);
        assertThat(List.of(0, 1, 2, 3)).extracting(i -> agUi.string(spans.label(i)))
                .containsExactly("step plan", "text message m1", "search", "thinking");
        assertThat(List.of(0, 1, 2, 3)).extracting(spans::otherPair).containsExactly(true, true, false, true);
        assertThat(List.of(0, 1, 2, 3)).extracting(spans::isOpen).containsOnly(false);
        assertThat(spans.end(1, 0)).isEqualTo(50 * MS);
        assertThat(spans.end(0, 0)).isEqualTo(90 * MS);
    }

    @Test
    void pairsToolsByCallIdWhenPresent() {
        in(0, event("tool_executing", ",\"tool_name\":\"a\",\"tool_call_id\":\"c1\""));
        in(10, event("tool_executing", ",\"tool_name\":\"b\",\"tool_call_id\":\"c2\""));
        in(20, event("tool_completed", ",\"tool_name\":\"b\",\"tool_call_id\":\"c2\""));

        SpanColumns tools = model.find("alice").tools();
        assertThat(tools.isOpen(0)).isTrue();
        assertThat(tools.end(1, 0)).isEqualTo(20 * MS);
        assertThat(tools.end(0, 99 * MS)).as("an open tool call reaches to now").isEqualTo(99 * MS);
    }

    @Test
    void aRunIsBracketedFromStartToCompletionAndLeavesOpenToolsUnfinished() {
        in(0, event("agent_started", ""));
        in(10, event("tool_executing", ",\"tool_name\":\"calc\""));
        in(40, event("agent_error", ""));

        LaneTrack lane = model.find("alice");
        assertThat(lane.runs().size()).isEqualTo(1);
        assertThat(lane.runs().end(0, 0)).isEqualTo(40 * MS);
        assertThat(lane.runs().failed(0)).isTrue();
        assertThat(lane.tools().failed(0)).isTrue();
        assertThat(lane.tools().end(0, 0)).isEqualTo(40 * MS);
    }

    @Test
    void anUnfinishedRunReachesItsLastEventNotTheEndOfTheCapture() {
        in(0, event("agent_started", ""));
        in(10, event("agent_thinking", ""));
        in(500, "{\"type\":\"heartbeat\"}");

        SpanColumns runs = model.find("alice").runs();
        assertThat(runs.isOpen(0)).isTrue();
        assertThat(runs.end(0, model.lastNanos())).isEqualTo(10 * MS);
        List<Integer> visible = new java.util.ArrayList<>();
        runs.forEachOverlapping(5 * MS, 6 * MS, model.lastNanos(), visible::add);
        assertThat(visible).containsExactly(0);
    }

    @Test
    void blockSummariesKeepTheMostImportantRole() {
        for (int i = 0; i < 3 * EventColumns.BLOCK; i++) {
            in(i, i == EventColumns.BLOCK + 5 ? event("agent_error", "") : event("agent_thinking", ""));
        }

        EventColumns events = model.find("alice").events();
        assertThat(EventRole.values()[events.blockRoleOrdinal(0)]).isEqualTo(EventRole.THINKING);
        assertThat(EventRole.values()[events.blockRoleOrdinal(1)]).isEqualTo(EventRole.ERROR);
        assertThat(EventRole.values()[events.blockRoleOrdinal(2)]).isEqualTo(EventRole.THINKING);
    }

    @Test
    void findingsSitAtTheirFirstFrameAndCountPerLane() {
        in(0, event("agent_started", ""));
        in(70, event("agent_thinking", ""));
        model.addFinding(new Finding("seq-gap", Severity.ERROR, "alice", RUN, "gap", List.of(1), 90 * MS));
        model.addFinding(new Finding("leak-canary", Severity.CRITICAL, "bob", null, "leak", List.of(), 95 * MS));

        assertThat(model.find("alice").findings().get(0).nanos()).isEqualTo(70 * MS);
        assertThat(model.find("alice").worstFinding()).isEqualTo(Severity.ERROR);
        assertThat(model.find("bob").findings().get(0).nanos()).isEqualTo(95 * MS);
    }

    @Test
    void aDecoderThatThrowsGivesAMalformedEventNotAnException() {
        TimelineModel fragile = new TimelineModel((lane, frame) -> {
            throw new IllegalStateException("boom");
        });
        fragile.addFrame("alice", Frame.text(0, Direction.IN, 5, 1, "{}"));

        assertThat(fragile.find("alice").events().role(0)).isEqualTo(EventRole.MALFORMED);
    }
}
