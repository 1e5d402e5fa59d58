package dev.aei.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aei.capture.CaptureClock;
import dev.aei.protocol.Profile;
import dev.aei.testing.ManualTime;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code contract-field} and {@code contract-end} on hand-written frames, live and offline. */
class ContractRulesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ManualTime time = new ManualTime();

    private Capture capture(Profile profile) {
        return Capture.withContract(profile, time.clock());
    }

    /** A run as the real bridge sends it: tool names at the root, no final_report. */
    private static void bridgeRun(Capture c, String lane, String run) {
        c.in(lane, Wire.event("agent_started", run).user(lane).data("message", "started"));
        c.in(lane, Wire.event("agent_thinking", run).user(lane).data("reasoning", "thinking"));
        for (String call : List.of("c1", "c2")) {
            c.in(lane, Wire.event("tool_executing", run).user(lane).tool("calc", call));
            c.in(lane, Wire.event("tool_completed", run).user(lane).tool("calc", call));
        }
        c.in(lane, Wire.event("agent_completed", run).user(lane).data("result", "4").data("execution_time_ms", "12"));
    }

    /** A run where the web client reads everything, ended for it by a final_report. */
    private static void webClientRun(Capture c, String lane, String run) {
        c.in(lane, payload("agent_started", run, lane, "message", "started"));
        c.in(lane, payload("agent_thinking", run, lane, "reasoning", "thinking"));
        c.in(lane, payload("tool_executing", run, lane, "tool_name", "calc"));
        c.in(lane, payload("tool_completed", run, lane, "tool_name", "calc"));
        c.in(lane, payload("final_report", run, lane, "report", "4"));
        ObjectNode done = payload("agent_completed", run, lane, "result", "4");
        ((ObjectNode) done.get("payload")).put("execution_time_ms", 12);
        c.in(lane, done);
    }

    private static ObjectNode payload(String type, String run, String lane, String field, String value) {
        ObjectNode node = JSON.createObjectNode().put("type", type).put("run_id", run).put("user_id", lane);
        node.putObject("payload").put(field, value);
        return node;
    }

    @Test
    void theBridgesShapeIsOneFindingPerLaneTypeAndFieldWithTheCountAndOneEndPerLane() {
        Capture c = capture(Profile.load("netra"));
        for (String lane : List.of("alice", "bob")) {
            bridgeRun(c, lane, Wire.run("t-" + lane, 1));
            bridgeRun(c, lane, Wire.run("t-" + lane, 2));
        }
        String aliceRun = Wire.run("t-alice", 1);
        assertThat(c.found()).containsExactlyInAnyOrder(
                "contract-field alice " + aliceRun, "contract-field alice " + aliceRun, "contract-end alice " + aliceRun,
                "contract-field bob " + Wire.run("t-bob", 1), "contract-field bob " + Wire.run("t-bob", 1),
                "contract-end bob " + Wire.run("t-bob", 1));
        Finding tool = c.analyzer.findings().get(0);
        assertThat(tool.severity()).isEqualTo(Severity.WARNING);
        assertThat(tool.message()).isEqualTo("tool shown as unknown_tool: the netra web client reads data.tool_name "
                + "or payload.tool_name, found tool_name at the root (2 tool_executing events, first in run "
                + aliceRun + "; not reported again on this lane)");
        assertThat(tool.frames()).containsExactly(2, 4);
        Finding end = c.analyzer.findings().stream().filter(f -> f.rule().equals("contract-end")).findFirst().orElseThrow();
        assertThat(end.message()).isEqualTo("run " + aliceRun + " ended with agent_completed, but the netra web client "
                + "waits for final_report or error: it keeps showing “Processing your request…” (not reported again "
                + "on this lane)");
        assertThat(end.frames()).containsExactly(6);
        assertThat(offline(c, Profile.load("netra"))).containsExactlyElementsOf(messages(c.analyzer.findings()));
    }

    @Test
    void whereTheWebClientReadsEverythingAndAFinalReportEndsTheRunNothingIsFound() {
        Capture c = capture(Profile.load("netra"));
        webClientRun(c, "alice", Wire.run("t-a", 1));
        webClientRun(c, "alice", Wire.run("t-a", 2));
        c.finish(false);
        assertThat(c.analyzer.findings()).isEmpty();
    }

    @Test
    void anErrorFrameAlsoEndsTheRunForTheClient() {
        Capture c = capture(Profile.load("netra"));
        String run = Wire.run("t-a", 1);
        c.in("alice", payload("agent_started", run, "alice", "message", "started"));
        c.in("alice", Wire.event("error").data("error_message", "the model is down"));
        c.in("alice", Wire.event("agent_error", run).data("error_message", "the model is down"));
        assertThat(c.found()).doesNotContain("contract-end alice " + run);
    }

    @Test
    void theFlatShapeShowsProcessingAndNoAnswer() {
        Capture c = capture(Profile.load("netra"));
        String run = Wire.run("t-a", 1);
        c.in("alice", Wire.event("agent_started", run));
        c.in("alice", Wire.event("agent_thinking", run).put("reasoning", "flat"));
        c.in("alice", Wire.event("agent_completed", run).put("final_response", "4").put("duration", 3));
        List<String> messages = messages(c.analyzer.findings());
        assertThat(messages).contains(
                "contract-field thinking shown as “Processing…”: the netra web client reads data.reasoning or "
                        + "payload.reasoning, found reasoning at the root (1 agent_thinking event, first in run " + run
                        + "; not reported again on this lane)",
                "contract-field final answer shown as no answer: the netra web client reads data.result or "
                        + "payload.result, found final_response at the root (1 agent_completed event, first in run "
                        + run + "; not reported again on this lane)",
                "contract-field run time shown as “completed in 0.00s”: the netra web client reads "
                        + "data.execution_time_ms or payload.execution_time_ms, found duration at the root "
                        + "(1 agent_completed event, first in run " + run + "; not reported again on this lane)");
    }

    @Test
    void aRunThatNeverEndsIsReportedAfterTheRunTimeoutLiveAndAtTheEndOffline() {
        Capture c = capture(Profile.load("netra"));
        String run = Wire.run("t-a", 1);
        c.in("alice", Wire.event("agent_started", run));
        c.in("alice", Wire.event("tool_executing", run).tool("calc", "c1"));
        c.analyzer.tick(c.session.clock().next());
        assertThat(c.found()).isEmpty();
        time.advance(Duration.ofSeconds(61));
        c.analyzer.tick(c.session.clock().next());
        assertThat(c.found()).contains("contract-field alice " + run);
        assertThat(offline(c, Profile.load("netra"))).anyMatch(m -> m.startsWith("contract-field tool shown as"));
    }

    @Test
    void theNextRunsStartReportsWhatTheUnendedOneShowed() {
        Capture c = capture(Profile.load("netra"));
        c.in("alice", Wire.event("agent_started", Wire.run("t-a", 1)));
        c.in("alice", Wire.event("tool_executing", Wire.run("t-a", 1)).tool("calc", "c1"));
        assertThat(c.found()).isEmpty();
        c.in("alice", Wire.event("agent_started", Wire.run("t-a", 2)));
        assertThat(c.found()).contains("contract-field alice " + Wire.run("t-a", 1));
    }

    @Test
    void aProfileWithoutAContractRaisesNoContractFinding() throws IOException {
        Profile plain = withoutContract();
        Capture c = capture(plain);
        bridgeRun(c, "alice", Wire.run("t-a", 1));
        c.in("alice", Wire.event("agent_thinking", Wire.run("t-a", 2)).put("reasoning", "flat"));
        c.finish(false);
        assertThat(c.analyzer.findings()).noneMatch(f -> f.rule().startsWith("contract-"));
        assertThat(offline(c, plain)).noneMatch(m -> m.startsWith("contract-"));
    }

    @Test
    void agUiNeedsTheSchemasFieldsAndItsOwnEndsEndTheRun() {
        Capture c = capture(Profile.load("ag-ui"));
        c.in("alice", "{\"type\":\"RUN_STARTED\",\"threadId\":\"t\",\"runId\":\"r\"}");
        c.in("alice", "{\"type\":\"TOOL_CALL_START\",\"toolCallId\":\"c1\",\"tool_name\":\"search\"}");
        c.in("alice", "{\"type\":\"TOOL_CALL_END\",\"toolCallId\":\"c1\"}");
        c.in("alice", "{\"type\":\"RUN_FINISHED\",\"threadId\":\"t\",\"runId\":\"r\"}");
        assertThat(messages(c.analyzer.findings())).containsExactly("contract-field tool shown as an error: the client "
                + "rejects the event: an AG-UI client reads toolCallName, found tool_name at the root "
                + "(1 TOOL_CALL_START event; not reported again on this lane)");
    }

    @Test
    void switchedOffTheyCostNothingAndSayNothing() {
        Capture c = new Capture("netra", RuleConfig.defaults(), new CaptureClock());
        bridgeRun(c, "alice", Wire.run("t-a", 1));
        c.finish(false);
        assertThat(c.analyzer.findings()).isEmpty();
    }

    /** The netra profile as shipped, minus its contract section. */
    static Profile withoutContract() throws IOException {
        try (InputStream in = Profile.class.getResourceAsStream("netra.json")) {
            ObjectNode root = (ObjectNode) JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            root.remove("contract");
            return Profile.parse(root.toString(), "netra without a contract");
        }
    }

    private static List<String> offline(Capture c, Profile profile) {
        return messages(SessionReplay.analyze(c.session, Analyzer.create(profile, RuleConfig.defaults(), null)));
    }

    private static List<String> messages(List<Finding> findings) {
        return findings.stream().map(f -> f.rule() + " " + f.message()).toList();
    }
}
