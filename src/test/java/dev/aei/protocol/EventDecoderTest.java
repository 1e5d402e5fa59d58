package dev.aei.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.Opcode;
import dev.aei.capture.Session;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventDecoderTest {
    private final Session session = Session.start("ws://test/ws", "header", "netra");
    private final Lane alice = session.addLane("alice", Map.of());
    private final EventDecoder netra = new EventDecoder(Profile.load("netra"));

    private List<AgentEvent> in(EventDecoder decoder, String text) {
        return decoder.decode("alice", session.appendText(alice, Direction.IN, text));
    }

    private AgentEvent one(String text) {
        List<AgentEvent> events = in(netra, text);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    @Test
    void readsTheMainShapeWithSeqAndIsoTime() {
        AgentEvent e = one("{\"type\":\"agent_started\",\"run_id\":\"run_t-alice-1_04211_9f3a6c2e\","
                + "\"user_id\":\"alice\",\"timestamp\":\"2026-01-08T10:00:00.123+00:00\",\"seq\":1,"
                + "\"data\":{\"status\":\"started\"}}");
        assertThat(e.role()).isEqualTo(EventRole.STARTED);
        assertThat(e.type()).isEqualTo("agent_started");
        assertThat(e.runId()).isEqualTo("run_t-alice-1_04211_9f3a6c2e");
        assertThat(e.threadId()).isEqualTo("t-alice-1");
        assertThat(e.userId()).isEqualTo("alice");
        assertThat(e.seq()).isEqualTo(1L);
        assertThat(e.serverTime()).isEqualTo(Instant.parse("2026-01-08T10:00:00.123Z"));
        assertThat(e.attempt()).isEqualTo(1);
        assertThat(e.problem()).isNull();
        assertThat(e.lane()).isEqualTo("alice");
        assertThat(e.frame()).isZero();
    }

    @Test
    void readsIdsWhateverWhereTheirEscapesAndEndsFallInTheBytes() {
        // The scan for a string's end reads eight bytes at a time: try every place in and around a word.
        for (String prefix : List.of("", "é", "日本", "\\\"")) {
            for (int length = 0; length < 20; length++) {
                for (String id : List.of(prefix + "r".repeat(length), "r".repeat(length) + prefix)) {
                    String json = id.replace("\\", "\\\\").replace("\"", "\\\"");
                    AgentEvent e = one("{\"type\":\"agent_thinking\",\"run_id\":\"" + json + "\",\"seq\":" + length + "}");
                    assertThat(e.runId()).isEqualTo(id);
                    assertThat(e.seq()).isEqualTo(length);
                }
            }
        }
    }

    @Test
    void readsIntegerSeqsOfEveryLengthAsATreeWould() {
        // Short integers are read from their digits, longer ones by the parser: both must agree with a tree.
        for (String seq : List.of("0", "-0", "7", "-42", "123456789012345678", "-123456789012345678",
                "1234567890123456789", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
                "123456789012345678901234567890")) {
            AgentEvent e = one("{\"type\":\"agent_thinking\",\"run_id\":\"r\",\"seq\":" + seq + "}");
            BigInteger value = new BigInteger(seq);
            Long expected = value.bitLength() < 64 ? value.longValue() : null;
            assertThat(e.seq()).as(seq).isEqualTo(expected);
        }
    }

    @Test
    void readsTheFlatAndPayloadShapesWithEpochTimes() {
        AgentEvent flat = one("{\"type\":\"tool_completed\",\"run_id\":\"run_t-1_00001_0000abcd\",\"tool_name\":\"calc\","
                + "\"execution_id\":\"ex-9\",\"attempt\":2,\"thread_id\":\"t-other\",\"timestamp\":1767866400.5}");
        assertThat(flat.role()).isEqualTo(EventRole.TOOL_END);
        assertThat(flat.toolCallId()).isEqualTo("ex-9");
        assertThat(flat.toolName()).isEqualTo("calc");
        assertThat(flat.attempt()).isEqualTo(2);
        assertThat(flat.threadId()).as("an explicit thread id wins over the run id").isEqualTo("t-other");
        assertThat(flat.serverTime()).isEqualTo(Instant.ofEpochSecond(1767866400L, 500_000_000));

        AgentEvent nested = one("{\"type\":\"tool_executing\",\"payload\":{\"run_id\":\"r-1\",\"tool_call_id\":\"tc-1\","
                + "\"user_id\":\"bob\",\"timestamp\":1767866400123}}");
        assertThat(nested.runId()).isEqualTo("r-1");
        assertThat(nested.threadId()).as("r-1 is not in the netra run id form").isNull();
        assertThat(nested.toolCallId()).isEqualTo("tc-1");
        assertThat(nested.userId()).isEqualTo("bob");
        assertThat(nested.serverTime()).isEqualTo(Instant.ofEpochMilli(1767866400123L));
    }

    @Test
    void connectionIdentityComesFromData() {
        AgentEvent e = one("{\"type\":\"connection_established\",\"user_id\":\"server\","
                + "\"data\":{\"user_id\":\"ali...\",\"connection_id\":\"c1\"}}");
        assertThat(e.role()).isEqualTo(EventRole.CONNECTION);
        assertThat(e.userId()).isEqualTo("ali...");
    }

    @Test
    void everyShippedTypeHasItsRole() {
        Map<String, EventRole> expected = Map.ofEntries(Map.entry("agent_thinking", EventRole.THINKING),
                Map.entry("agent_completed", EventRole.COMPLETED), Map.entry("agent_error", EventRole.ERROR),
                Map.entry("agent_failed", EventRole.ERROR), Map.entry("agent_death", EventRole.ERROR),
                Map.entry("heartbeat", EventRole.HEARTBEAT), Map.entry("pong", EventRole.HEARTBEAT),
                Map.entry("stream_chunk", EventRole.OTHER), Map.entry("tool_error", EventRole.OTHER),
                Map.entry("final_report", EventRole.OTHER), Map.entry("agent_fallback", EventRole.OTHER));
        expected.forEach((type, role) -> assertThat(one("{\"type\":\"" + type + "\"}").role()).as(type).isEqualTo(role));
    }

    @Test
    void unknownTypesAndTypelessObjectsAreUnknown() {
        AgentEvent unknown = one("{\"type\":\"surprise\",\"run_id\":\"r\"}");
        assertThat(unknown.role()).isEqualTo(EventRole.UNKNOWN);
        assertThat(unknown.problem()).contains("surprise");
        assertThat(unknown.runId()).isEqualTo("r");
        assertThat(one("{\"hello\":1}").problem()).isEqualTo("event without a type");
    }

    @Test
    void badTextIsMalformedWithAReason() {
        assertThat(one("{\"type\":\"agent_started\",\"run_id\":").role()).isEqualTo(EventRole.MALFORMED);
        assertThat(one("{\"type\":\"agent_started\",\"run_id\":").problem()).startsWith("not JSON");
        assertThat(one("{\"type\":\"agent_started\"").problem()).as("a cut frame, in words a user can read")
                .isEqualTo("not JSON: Unexpected end-of-input: expected close marker for Object");
        assertThat(one("hello there").problem()).startsWith("not JSON");
        assertThat(one("[1,2]").problem()).isEqualTo("JSON array, not an object");
        assertThat(one("42").problem()).isEqualTo("JSON number, not an object");
        assertThat(one("{} {}").role()).isEqualTo(EventRole.MALFORMED);
        assertThat(one("").problem()).isEqualTo("empty text frame");
        assertThat(one("[".repeat(5000)).role()).isEqualTo(EventRole.MALFORMED);
        assertThat(one("{\"type\":\"heartbeat\",\"n\":" + "9".repeat(500) + "}").role()).isEqualTo(EventRole.MALFORMED);
    }

    @Test
    void invalidUtf8OversizeAndBinaryFrames() {
        Frame invalid = session.append(alice, Direction.IN, Opcode.TEXT, null, new byte[] {(byte) 0xC3, 0x28});
        assertThat(netra.decode("alice", invalid)).singleElement()
                .satisfies(e -> assertThat(e.problem()).isEqualTo("text frame is not valid UTF-8"))
                .satisfies(e -> assertThat(e.role()).isEqualTo(EventRole.MALFORMED));

        Frame binary = session.append(alice, Direction.IN, Opcode.BINARY, null, "abc".getBytes(StandardCharsets.UTF_8));
        assertThat(netra.decode("alice", binary)).singleElement()
                .satisfies(e -> assertThat(e.role()).isEqualTo(EventRole.BINARY))
                .satisfies(e -> assertThat(e.problem()).isEqualTo("binary frame of 3 bytes"));

        EventDecoder small = new EventDecoder(Profile.load("netra"), 64);
        assertThat(in(small, "{\"type\":\"agent_thinking\",\"data\":{\"reasoning\":\"" + "é".repeat(40) + "\"}}"))
                .singleElement().satisfies(e -> assertThat(e.problem()).contains("over the 64-byte limit"));
        assertThat(in(small, "{\"type\":\"heartbeat\"}")).singleElement()
                .satisfies(e -> assertThat(e.role()).isEqualTo(EventRole.HEARTBEAT));
    }

    @Test
    void batchesAreFlattenedOnTheSameFrame() {
        List<AgentEvent> events = in(netra, "{\"type\":\"event_batch\",\"events\":["
                + "{\"type\":\"agent_thinking\",\"run_id\":\"r1\"},{\"type\":\"tool_executing\",\"run_id\":\"r1\"},7]}");
        assertThat(events).extracting(AgentEvent::role)
                .containsExactly(EventRole.THINKING, EventRole.TOOL_START, EventRole.MALFORMED);
        assertThat(events).extracting(AgentEvent::frame).containsOnly(0);
        assertThat(in(netra, "{\"type\":\"event_batch\"}")).singleElement()
                .satisfies(e -> assertThat(e.role()).isEqualTo(EventRole.MALFORMED));
    }

    @Test
    void outgoingMessagesCarryTheirThread() {
        Frame out = session.appendText(alice, Direction.OUT,
                "{\"type\":\"user_message\",\"payload\":{\"content\":\"hi [cnry-0123456789]\",\"thread_id\":\"t-alice-1\"}}");
        assertThat(netra.decode("alice", out)).singleElement().satisfies(e -> {
            assertThat(e.role()).isEqualTo(EventRole.OUTGOING);
            assertThat(e.type()).isEqualTo("user_message");
            assertThat(e.threadId()).isEqualTo("t-alice-1");
        });
        Frame ping = session.appendText(alice, Direction.OUT, "not json");
        assertThat(netra.decode("alice", ping)).singleElement()
                .satisfies(e -> assertThat(e.role()).isEqualTo(EventRole.OUTGOING));
    }

    @Test
    void sentKeepAlivesAreHeartbeatsNotPrompts() {
        Frame ping = session.appendText(alice, Direction.OUT, "{\"type\":\"ping\",\"timestamp\":1764921600000}");
        Frame pong = session.appendText(alice, Direction.OUT, "{\"type\":\"pong\"}");
        Frame other = session.appendText(alice, Direction.OUT, "{\"type\":\"stop_agent\"}");
        assertThat(netra.decode("alice", ping)).singleElement().satisfies(e -> {
            assertThat(e.role()).isEqualTo(EventRole.HEARTBEAT);
            assertThat(e.type()).isEqualTo("ping");
        });
        assertThat(netra.decode("alice", pong)).singleElement()
                .satisfies(e -> assertThat(e.role()).isEqualTo(EventRole.HEARTBEAT));
        assertThat(netra.decode("alice", other)).singleElement()
                .satisfies(e -> assertThat(e.role()).isEqualTo(EventRole.OUTGOING));
    }

    @Test
    void agUiNamesAndIds() {
        EventDecoder agui = new EventDecoder(Profile.load("ag-ui"));
        AgentEvent start = in(agui, "{\"type\":\"RUN_STARTED\",\"threadId\":\"t-1\",\"runId\":\"r-1\",\"timestamp\":1767866400123}").get(0);
        assertThat(start.role()).isEqualTo(EventRole.STARTED);
        assertThat(start.threadId()).isEqualTo("t-1");
        assertThat(start.runId()).isEqualTo("r-1");
        AgentEvent tool = in(agui, "{\"type\":\"TOOL_CALL_START\",\"toolCallId\":\"tc\",\"toolCallName\":\"search\"}").get(0);
        assertThat(tool.role()).isEqualTo(EventRole.TOOL_START);
        assertThat(tool.toolCallId()).isEqualTo("tc");
        assertThat(tool.toolName()).isEqualTo("search");
        assertThat(in(agui, "{\"type\":\"TOOL_CALL_END\",\"toolCallId\":\"tc\"}").get(0).role()).isEqualTo(EventRole.TOOL_END);
        assertThat(in(agui, "{\"type\":\"TOOL_CALL_RESULT\",\"toolCallId\":\"tc\"}").get(0).role()).isEqualTo(EventRole.OTHER);
        assertThat(in(agui, "{\"type\":\"RUN_FINISHED\"}").get(0).role()).isEqualTo(EventRole.COMPLETED);
        assertThat(in(agui, "{\"type\":\"RUN_ERROR\"}").get(0).role()).isEqualTo(EventRole.ERROR);
        assertThat(in(agui, "{\"type\":\"agent_started\"}").get(0).role()).isEqualTo(EventRole.UNKNOWN);
    }

    @Test
    void theContentHashIgnoresDeliveryFieldsAndFieldOrder() {
        String data = "\"data\":{\"reasoning\":\"step 1\",\"n\":[1,2]}";
        long first = one("{\"type\":\"agent_thinking\",\"run_id\":\"r\",\"seq\":1,\"timestamp\":\"2026-01-08T10:00:00Z\","
                + data + "}").source().contentHash();
        long redelivered = one("{" + data + ",\"attempt\":2,\"run_id\":\"r\",\"seq\":9,\"type\":\"agent_thinking\"}")
                .source().contentHash();
        long other = one("{\"type\":\"agent_thinking\",\"run_id\":\"r\",\"seq\":1,"
                + data.replace("step 1", "step 2") + "}").source().contentHash();
        assertThat(redelivered).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void batchMembersKeepTheirOwnTextAndParseTheirBodyOnDemand() {
        List<AgentEvent> events = in(netra, "{\"type\":\"event_batch\",\"events\":[{\"type\":\"agent_thinking\","
                + "\"data\":{\"reasoning\":\"é [cnry-0123456789]\"}}, {\"type\":\"agent_started\"}]}");
        assertThat(events.get(0).source().json())
                .isEqualTo("{\"type\":\"agent_thinking\",\"data\":{\"reasoning\":\"é [cnry-0123456789]\"}}");
        assertThat(events.get(0).source().contains("cnry-0123456789")).isTrue();
        assertThat(events.get(1).source().contains("cnry-0123456789")).isFalse();
        assertThat(events.get(0).body().path("data").path("reasoning").asText()).isEqualTo("é [cnry-0123456789]");
        assertThat(events.get(1).body().path("type").asText()).isEqualTo("agent_started");
    }

    @Test
    void readsTheRealProductsVocabularyAliasesAndFlatShape() {
        assertThat(one("{\"type\":\"tool_call\",\"data\":{\"tool\":\"search\",\"tool_id\":\"c-1\"}}"))
                .extracting(AgentEvent::role, AgentEvent::toolName, AgentEvent::toolCallId)
                .containsExactly(EventRole.TOOL_START, "search", "c-1");
        assertThat(one("{\"type\":\"tool_result\",\"payload\":{\"tool\":\"search\"}}").role())
                .isEqualTo(EventRole.TOOL_END);
        assertThat(one("{\"type\":\"agent_finished\"}").role()).isEqualTo(EventRole.COMPLETED);
        assertThat(one("{\"type\":\"subagent_completed\"}").role()).isEqualTo(EventRole.COMPLETED);
        AgentEvent thread = one("{\"type\":\"thread_created\",\"threadId\":\"t-7\"}");
        assertThat(thread.role()).isEqualTo(EventRole.OTHER);
        assertThat(thread.threadId()).isEqualTo("t-7");
        for (String type : List.of("thread_loaded", "thread_loading", "agent_response", "agent_update",
                "agent_progress", "agent_status", "system_message", "mcp_tools_listed", "error_message", "error")) {
            assertThat(one("{\"type\":\"" + type + "\"}").role()).as(type).isEqualTo(EventRole.OTHER);
            assertThat(netra.profile().outsideRuns(type)).as(type).isTrue();
        }
        assertThat(netra.profile().outsideRuns("final_report")).isFalse();
        AgentEvent flat = one("{\"type\":\"agent_completed\",\"reasoning\":\"done\",\"results\":[1],"
                + "\"duration\":12,\"final_response\":\"ok\",\"thread_id\":\"t-9\",\"execution_id\":\"e-1\","
                + "\"run_id\":\"execution_3_0badc0de\",\"attempt\":2}");
        assertThat(flat).extracting(AgentEvent::role, AgentEvent::threadId, AgentEvent::toolCallId, AgentEvent::attempt)
                .containsExactly(EventRole.COMPLETED, "t-9", "e-1", 2);
        assertThat(one("{\"type\":\"agent_started\",\"run_id\":\"run_demo_auth_12345_abcdef12\"}").threadId())
                .isNull();
        assertThat(one("{\"type\":\"agent_started\",\"run_id\":\"execution_12_abcdef12\"}").threadId()).isNull();
    }

    @Test
    void insideEventsOfATextPairBringTheirTextDecoded() {
        EventDecoder agUi = new EventDecoder(Profile.load("ag-ui"));
        AgentEvent delta = in(agUi, "{\"type\":\"TEXT_MESSAGE_CONTENT\",\"messageId\":\"m1\",\"delta\":\"Q3 \\\"costs\\\"\"}")
                .get(0);
        assertThat(delta.pairText()).isEqualTo("Q3 \"costs\"");
        assertThat(in(agUi, "{\"type\":\"TEXT_MESSAGE_CONTENT\",\"messageId\":\"m1\",\"delta\":7}").get(0).pairText())
                .as("only a string is streamed text").isNull();
        assertThat(in(agUi, "{\"type\":\"TEXT_MESSAGE_START\",\"messageId\":\"m1\",\"delta\":\"x\"}").get(0)
                .pairText()).as("only inside events stream").isNull();
        assertThat(agUi.treesBuilt()).isZero();
    }
}
