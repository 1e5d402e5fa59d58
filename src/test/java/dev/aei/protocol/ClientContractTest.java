package dev.aei.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A profile's {@code contract}: what the client reads, what it shows without it, and where the value sits instead. */
class ClientContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MINIMAL = "{\"name\":\"mine\",\"fields\":{\"type\":[\"type\"],\"run_id\":[\"run\"]},"
            + "\"roles\":{\"started\":[\"begin\"],\"completed\":[\"end\"]}%s}";

    private final Profile netra = Profile.load("netra");
    private final EventDecoder decoder = new EventDecoder(netra);

    @Test
    void netraShipsTheWebClientsContract() {
        ClientContract contract = netra.contract();
        assertThat(contract.client()).isEqualTo("the netra web client");
        assertThat(contract.waiting()).isEqualTo("Processing your request…");
        assertThat(contract.endTypes()).containsExactly("final_report", "error");
        assertThat(contract.endText()).isEqualTo("final_report or error");
        assertThat(contract.types()).contains("agent_thinking", "tool_executing", "tool_completed", "agent_completed");
        ContractField tool = contract.fieldsOf("tool_executing").get(0);
        assertThat(tool.name()).isEqualTo("tool_name");
        assertThat(tool.readText()).isEqualTo("data.tool_name or payload.tool_name");
        assertThat(tool.needed()).isTrue();
        assertThat(tool.ifMissing()).isEqualTo("unknown_tool");
        assertThat(contract.fieldsOf("heartbeat")).isEmpty();
        assertThat(Profile.load("ag-ui").contract().endTypes()).containsExactly("RUN_FINISHED", "RUN_ERROR");
    }

    @Test
    void aRootToolNameIsMissingForTheClientAndNamedWhereItIs() throws Exception {
        JsonNode bridge = JSON.readTree("{\"type\":\"tool_executing\",\"tool_name\":\"search\",\"data\":{\"parameters\":{}}}");
        List<FieldReading> read = netra.contract().read("tool_executing", bridge);
        assertThat(read).hasSize(1);
        assertThat(read.get(0).missing()).isTrue();
        assertThat(read.get(0).shown()).isEqualTo("unknown_tool");
        assertThat(read.get(0).foundInstead()).isEqualTo("found tool_name at the root");

        JsonNode client = JSON.readTree("{\"type\":\"tool_executing\",\"payload\":{\"tool_name\":\"search\"}}");
        FieldReading taken = netra.contract().read("tool_executing", client).get(0);
        assertThat(taken.missing()).isFalse();
        assertThat(taken.path()).isEqualTo("payload.tool_name");
        assertThat(taken.shown()).isEqualTo("search");

        JsonNode flat = JSON.readTree("{\"type\":\"agent_completed\",\"final_response\":\"done\",\"meta\":{\"x\":{\"duration\":3}}}");
        List<FieldReading> completed = netra.contract().read("agent_completed", flat);
        assertThat(completed.get(0).foundInstead()).isEqualTo("found final_response at the root");
        assertThat(completed.get(1).foundInstead()).isEqualTo("found duration under meta.x");
        JsonNode none = JSON.readTree("{\"type\":\"agent_thinking\",\"data\":{\"reasoning\":null}}");
        assertThat(netra.contract().read("agent_thinking", none).get(0).foundInstead())
                .isEqualTo("the event has no reasoning");
    }

    @Test
    void theDecoderNotesWhatTheClientFindsAsATreeWould() {
        List<String> frames = List.of(
                "{\"type\":\"tool_executing\",\"run_id\":\"r\",\"tool_name\":\"a\",\"data\":{\"parameters\":{}}}",
                "{\"type\":\"tool_executing\",\"run_id\":\"r\",\"data\":{\"tool_name\":\"a\"}}",
                "{\"type\":\"tool_executing\",\"run_id\":\"r\",\"payload\":{\"tool_name\":\"a\"},\"data\":{\"tool_name\":null}}",
                "{\"type\":\"tool_executing\",\"run_id\":\"r\",\"data\":\"tool_name\"}",
                "{\"type\":\"agent_thinking\",\"reasoning\":\"flat\"}",
                "{\"type\":\"agent_thinking\",\"data\":{\"reasoning\":{\"steps\":[1]}}}",
                "{\"type\":\"event_batch\",\"events\":[{\"type\":\"agent_thinking\",\"payload\":{\"reasoning\":\"x\"}},"
                        + "{\"type\":\"tool_completed\",\"tool_name\":\"a\"}]}");
        for (int i = 0; i < frames.size(); i++) {
            for (AgentEvent e : decoder.decode("alice", Frame.text(i, Direction.IN, i, i, frames.get(i)))) {
                for (ContractField field : netra.contract().fieldsOf(e.type())) {
                    boolean fromTree = !field.read(e.body()).missing();
                    assertThat(field.presentIn(e)).as(e.type() + " " + field.name() + " in " + frames.get(i))
                            .isEqualTo(fromTree);
                }
            }
        }
        AgentEvent bridge = decoder.decode("alice", Frame.text(0, Direction.IN, 0, 0, frames.get(0))).get(0);
        assertThat(netra.contract().fieldsOf("tool_executing").get(0).presentIn(bridge)).isFalse();
    }

    @Test
    void aProfileWithoutAContractAsksForNothing() {
        ClientContract none = Profile.parse(MINIMAL.formatted(""), "x").contract();
        assertThat(none.isEmpty()).isTrue();
        assertThat(none).isSameAs(ClientContract.NONE);
        assertThat(none.fieldsOf("begin")).isEmpty();
        assertThat(none.endsRun("end")).isFalse();
    }

    @Test
    void aContractOfYourOwnReadsWithDefaults() {
        ClientContract mine = Profile.parse(MINIMAL.formatted(",\"contract\":{\"ends_run\":[\"end\"],"
                + "\"events\":{\"begin\":{\"title\":{\"read\":[\"meta.title\",\"title\"]},"
                + "\"icon\":{\"read\":[\"meta.icon\"],\"needed\":false}}}}"), "x").contract();
        ContractField title = mine.fieldsOf("begin").get(0);
        assertThat(mine.fieldsOf("begin").get(1).needed()).isFalse();
        assertThat(title.needed()).isTrue();
        assertThat(title.label()).isEqualTo("title");
        assertThat(title.ifMissing()).isEqualTo("nothing");
        assertThat(mine.client()).isEqualTo("the client");
        assertThat(mine.waiting()).isNull();
        assertThat(mine.endsRun("end")).isTrue();
    }

    @Test
    void badContractsFailWithTheReason() {
        assertThatThrownBy(() -> contract("{\"events\":{\"begin\":{\"t\":{\"read\":[]}}}}"))
                .hasMessageContaining("contract.events.begin.t.read must list the paths");
        assertThatThrownBy(() -> contract("{\"events\":{\"begin\":{\"t\":{\"read\":[\"a\"],\"needed\":\"yes\"}}}}"))
                .hasMessageContaining("contract.events.begin.t.needed must be true or false");
        assertThatThrownBy(() -> contract("{\"events\":{\"begin\":{\"t\":{\"read\":[\"a\"],\"where\":1}}}}"))
                .hasMessageContaining("unknown key 'contract.events.begin.t.where'");
        assertThatThrownBy(() -> contract("{\"ends\":[\"end\"]}")).hasMessageContaining("unknown key 'contract.ends'");
        assertThatThrownBy(() -> contract("{\"events\":{\"begin\":{}}}")).hasMessageContaining("at least one field");
        assertThatThrownBy(() -> contract("{\"events\":{\"begin\":{\"t\":{\"read\":[\"a..b\"]}}}}"))
                .hasMessageContaining("bad field path 'a..b'");
        assertThatThrownBy(() -> contract("{\"ends_run\":\"end\"}")).hasMessageContaining("contract.ends_run must be an array");
        String many = String.join(",", IntStream.range(0, 65).mapToObj(i -> "\"p" + i + "\"").toList());
        assertThatThrownBy(() -> contract("{\"events\":{\"begin\":{\"t\":{\"read\":[" + many + "]}}}}"))
                .hasMessageContaining("at most 64 different paths");
    }

    private static ClientContract contract(String section) {
        return Profile.parse(MINIMAL.formatted(",\"contract\":" + section), "x.json").contract();
    }
}
