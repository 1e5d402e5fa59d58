package dev.aei.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aei.capture.Direction;
import dev.aei.capture.Lane;
import dev.aei.capture.Session;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A profile's {@code pairs} and {@code runs} sections, and the keys the decoder reads for them. */
class GrammarTest {
    private static final String MINIMAL = "{\"name\":\"mine\",\"fields\":{\"type\":[\"kind\"],\"run_id\":[\"run\"],"
            + "\"tool_call_id\":[\"call\"],\"tool_name\":[\"tool\"]},"
            + "\"roles\":{\"started\":[\"begin\"],\"completed\":[\"end\"],\"tool-start\":[\"t+\"],\"tool-end\":[\"t-\"],"
            + "\"other\":[\"open\",\"close\",\"in\",\"a\",\"b\"]}%s}";

    private final Session session = Session.start("ws://test/ws", "header", "mine");
    private final Lane alice = session.addLane("alice", Map.of());

    private static Profile mine(String sections) {
        return Profile.parse(MINIMAL.formatted(sections), "mine.json");
    }

    private AgentEvent decode(Profile profile, String json) {
        return new EventDecoder(profile).decode("alice", session.appendText(alice, Direction.IN, json)).get(0);
    }

    @Test
    void netrasToolPairIsDataKeyedByCallIdFallingBackToTheName() {
        Profile netra = Profile.load("netra");
        Grammar.Pair tools = netra.grammar().pairs().get(0);
        assertThat(tools.open()).containsExactly("tool_executing", "tool_call");
        assertThat(tools.tool()).isTrue();
        assertThat(netra.grammar().keyPaths().get(tools.keySlot()).paths()).contains("tool_call_id", "data.execution_id");
        assertThat(netra.grammar().runs()).isEqualTo(Grammar.Runs.DEFAULTS);
        AgentEvent e = decode(netra, "{\"type\":\"tool_completed\",\"data\":{\"tool_name\":\"calc\",\"tool_call_id\":\"c-1\"}}");
        assertThat(e.pairKey()).isEqualTo("c-1");
        assertThat(e.pairFallback()).isEqualTo("calc");
        assertThat(decode(netra, "{\"type\":\"agent_thinking\",\"tool_call_id\":\"c-1\"}").pairKey()).isNull();
    }

    @Test
    void agUiPairsTextMessagesStepsAndThinkingAndRunsOneRunAtATime() {
        Profile agUi = Profile.load("ag-ui");
        Map<String, Grammar.Member> members = agUi.grammar().members();
        assertThat(members.get("TEXT_MESSAGE_CONTENT").part()).isEqualTo(Grammar.Part.INSIDE);
        assertThat(members.get("STEP_FINISHED").pair().name()).isEqualTo("step");
        assertThat(members.get("THINKING_START").pair().keyed()).isFalse();
        assertThat(members.get("THINKING_TEXT_MESSAGE_START").pair().within())
                .isEqualTo(members.get("THINKING_START").pair().index());
        assertThat(members).doesNotContainKey("TOOL_CALL_RESULT");
        assertThat(agUi.grammar().runs().oneAtATime()).isTrue();
        assertThat(agUi.grammar().runs().afterEnd()).containsExactly("RUN_ERROR");
        assertThat(agUi.grammar().runs().endRunIdChecked()).isFalse();
        assertThat(agUi.grammar().runs().duplicates()).isEqualTo(Grammar.Duplicates.ID);
        AgentEvent content = decode(agUi, "{\"type\":\"TEXT_MESSAGE_CONTENT\",\"messageId\":\"m1\",\"delta\":\"hi\","
                + "\"eventId\":\"e-7\"}");
        assertThat(content.pairKey()).isEqualTo("m1");
        assertThat(content.eventId()).isEqualTo("e-7");
        assertThat(decode(agUi, "{\"type\":\"STEP_STARTED\",\"stepName\":\"plan\"}").pairKey()).isEqualTo("plan");
        for (String type : new String[] {"REASONING_START", "REASONING_MESSAGE_CHUNK", "REASONING_ENCRYPTED_VALUE",
                "ACTIVITY_DELTA", "TOOL_CALL_RESULT", "MESSAGES_SNAPSHOT", "RAW", "CUSTOM"}) {
            assertThat(agUi.role(type)).as(type).isNotNull();
        }
    }

    @Test
    void aProfileWithoutPairsPairsItsToolRolesAsBefore() {
        Profile profile = mine("");
        Grammar.Pair tools = profile.grammar().pairs().get(0);
        assertThat(tools.open()).containsExactly("t+");
        assertThat(tools.close()).containsExactly("t-");
        assertThat(tools.tool()).isTrue();
        AgentEvent e = decode(profile, "{\"kind\":\"t-\",\"call\":\"c\",\"tool\":\"calc\"}");
        assertThat(e.pairKey()).isEqualTo("c");
        assertThat(e.pairFallback()).isEqualTo("calc");
    }

    @Test
    void pairKeysArePathsOrAFieldsName() {
        Profile profile = mine(",\"pairs\":[{\"name\":\"x\",\"open\":[\"open\"],\"close\":[\"close\"],"
                + "\"inside\":[\"in\"],\"key\":[\"meta.id\",\"id\"]},"
                + "{\"name\":\"y\",\"open\":[\"a\"],\"close\":[\"b\"],\"key\":\"tool_call_id\",\"within\":\"x\"}],"
                + "\"runs\":{\"duplicates\":\"seq\"}");
        assertThat(decode(profile, "{\"kind\":\"in\",\"id\":\"2\",\"meta\":{\"id\":\"1\"}}").pairKey()).isEqualTo("1");
        assertThat(decode(profile, "{\"kind\":\"close\",\"id\":\"2\"}").pairKey()).isEqualTo("2");
        assertThat(decode(profile, "{\"kind\":\"a\",\"call\":\"c-9\"}").pairKey()).isEqualTo("c-9");
        assertThat(profile.grammar().runs().duplicates()).isEqualTo(Grammar.Duplicates.SEQ);
    }

    @Test
    void badGrammarsFailWithTheReason() {
        String pair = ",\"pairs\":[{\"name\":\"x\",\"open\":[\"open\"],\"close\":[\"close\"]%s}]";
        assertThatThrownBy(() -> mine(pair.formatted(",\"inside\":[\"nope\"]")))
                .hasMessageContaining("pairs.x.inside names 'nope', which no role lists");
        assertThatThrownBy(() -> mine(pair.formatted(",\"inside\":[\"open\"]")))
                .hasMessageContaining("'open' is in two places of the pairs");
        assertThatThrownBy(() -> mine(pair.formatted(",\"within\":\"x\"")))
                .hasMessageContaining("within must name another pair");
        assertThatThrownBy(() -> mine(pair.formatted(",\"fallback\":\"tool_name\"")))
                .hasMessageContaining("fallback needs a key");
        assertThatThrownBy(() -> mine(pair.formatted(",\"colour\":\"red\"")))
                .hasMessageContaining("unknown key 'pairs.x.colour'");
        assertThatThrownBy(() -> mine(",\"pairs\":[{\"name\":\"x\",\"close\":[\"close\"]}]"))
                .hasMessageContaining("pairs.x.open is required");
        assertThatThrownBy(() -> mine(",\"runs\":{\"end_run_id\":\"ignored\"}"))
                .hasMessageContaining("needs one_at_a_time");
        assertThatThrownBy(() -> mine(",\"runs\":{\"duplicates\":\"sometimes\"}"))
                .hasMessageContaining("runs.duplicates must be content, seq, off");
        assertThatThrownBy(() -> mine(",\"runs\":{\"after_end\":[\"late\"]}"))
                .hasMessageContaining("runs.after_end names 'late'");
    }
}
