package dev.aei.ui.detail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aei.analysis.Finding;
import dev.aei.analysis.Severity;
import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.capture.Opcode;
import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.EventRole;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DetailViewModelTest {
    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Finding leak = new Finding("leak-owner", Severity.CRITICAL, "alice", "r", "bob's event", List.of(7), 1);

    private final DetailViewModel vm = new DetailViewModel((lane, frame) -> {
        try {
            return List.of(new AgentEvent(lane, frame.index(), frame.nanos(), "agent_thinking", EventRole.THINKING,
                    "run_t-1_00001_abcdef01", "t-1", "bob", 4L, Instant.ofEpochMilli(frame.wallMillis() - 25),
                    null, null, 1, JSON.readTree(frame.text()), null));
        } catch (Exception e) {
            return List.of();
        }
    }, (lane, index) -> index == 7 ? List.of(leak) : List.of(), ZoneOffset.UTC);

    @Test
    void showsFactsTreeAndRawTextWithTokensHidden() {
        String text = "{\"type\":\"agent_thinking\",\"seq\":4,\"token\":\"abc\",\"data\":{\"note\":\"Bearer " + JWT
                + "\",\"list\":[\"" + JWT + "\"]}}";
        vm.show("alice", Frame.text(7, Direction.IN, 5, 1_000, text));
        FrameDetail d = vm.detailProperty().get();
        Map<String, String> facts = d.facts().stream()
                .collect(Collectors.toMap(FrameDetail.Fact::label, FrameDetail.Fact::value));
        assertThat(d.heading()).isEqualTo("IN #7 · agent_thinking");
        assertThat(facts).containsEntry("Seq", "4").containsEntry("Latency", "25 ms")
                .containsEntry("Received", "00:00:01.000").containsEntry("Server time", "00:00:00.975")
                .containsEntry("Role", "thinking").containsEntry("Lane", "alice");
        assertThat(d.raw()).doesNotContain(JWT).doesNotContain("abc").contains("<redacted:");
        assertThat(d.json().toString()).doesNotContain(JWT).doesNotContain("\"abc\"");
        assertThat(d.findings()).containsExactly(leak);
    }

    @Test
    void theRawTextIsTheFrameExactlyAsReceived() {
        String text = "{ \"type\" : \"agent_thinking\",\"seq\":4,   \"data\":{\"b\":1,\"a\":[ 1,2 ]}}\n";
        vm.show("alice", Frame.text(7, Direction.IN, 5, 1_000, text));

        assertThat(vm.detailProperty().get().raw()).isEqualTo(text);
    }

    @Test
    void theClientsViewSaysWhatItTakesAndWhatItShowsInsteadOfAMissingField() {
        dev.aei.protocol.Profile netra = dev.aei.protocol.Profile.load("netra");
        DetailViewModel client = new DetailViewModel(new dev.aei.protocol.EventDecoder(netra)::decode,
                (lane, index) -> List.of(), netra::contract, ZoneOffset.UTC);
        client.show("alice", Frame.text(2, Direction.IN, 5, 1_000, "{\"type\":\"agent_completed\","
                + "\"final_response\":\"Bearer " + JWT + "\",\"data\":{\"execution_time_ms\":1200}}"));
        FrameDetail.ClientView view = client.detailProperty().get().client();
        assertThat(view.client()).isEqualTo("the netra web client");
        assertThat(view.anyMissing()).isTrue();
        assertThat(view.lines()).containsExactly(
                new FrameDetail.ClientLine("final answer", "no answer",
                        "missing: reads data.result or payload.result; found final_response at the root", true, true),
                new FrameDetail.ClientLine("run time", "1200", "data.execution_time_ms", false, true));
        client.show("alice", Frame.text(3, Direction.OUT, 6, 1_000, "{\"type\":\"agent_completed\"}"));
        assertThat(client.detailProperty().get().client()).as("what the inspector sent").isNull();
        client.show("alice", Frame.text(4, Direction.IN, 7, 1_000, "{\"type\":\"agent_thinking\","
                + "\"data\":{\"reasoning\":\"token " + JWT + "\"}}"));
        assertThat(client.detailProperty().get().client().lines().get(0).shown()).doesNotContain(JWT);
    }

    @Test
    void nonJsonAndBinaryFramesStillShow() {
        vm.show("bob", Frame.text(1, Direction.IN, 5, 1_000, "not json Authorization: Bearer " + JWT));
        assertThat(vm.detailProperty().get().json()).isNull();
        assertThat(vm.detailProperty().get().raw()).startsWith("not json Authorization: Bearer <redacted:").doesNotContain(JWT);
        vm.show("bob", new Frame(2, Direction.IN, 6, 1_000, Opcode.BINARY, null, new byte[] {1, 2, 3}));
        assertThat(vm.detailProperty().get().heading()).isEqualTo("IN #2 · binary");
        assertThat(vm.detailProperty().get().raw()).isEqualTo("AQID");
        vm.show("bob", null);
        assertThat(vm.detailProperty().get()).isNull();
    }
}
