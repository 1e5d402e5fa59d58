package dev.aei.ui.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aei.analysis.Finding;
import dev.aei.analysis.Severity;
import dev.aei.capture.LaneEvent;
import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.CanaryPattern;
import dev.aei.protocol.CanaryPatterns;
import dev.aei.protocol.EventRole;
import java.util.List;
import org.junit.jupiter.api.Test;

class PresenterViewModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PresenterViewModel vm = new PresenterViewModel();

    private static AgentEvent event(String lane, long nanos, EventRole role, String tool, String json) throws Exception {
        JsonNode body = JSON.readTree(json);
        return new AgentEvent(lane, 0, nanos, body.path("type").asText(), role, "run_t-1_00001_abcdef01", "t-1",
                lane, 1L, null, null, tool, 1, body, null);
    }

    @Test
    void narratesARunInPlainWords() throws Exception {
        vm.laneAdded("alice");
        UserCard alice = vm.card("alice").orElseThrow();
        assertThat(alice.headline()).isEqualTo("Waiting for a prompt");
        vm.accept(event("alice", 0, EventRole.STARTED, null,
                "{\"type\":\"agent_started\",\"agent_name\":\"cost_optimizer\",\"data\":{\"message\":\"go\"}}"));
        assertThat(alice.headline()).isEqualTo("Starting cost_optimizer");
        vm.accept(event("alice", 1, EventRole.THINKING, null,
                "{\"type\":\"agent_thinking\",\"data\":{\"reasoning\":\"Looking at Q3\",\"step_number\":1}}"));
        assertThat(alice.headline()).isEqualTo("Thinking: Looking at Q3");
        assertThat(alice.detailProperty().get()).isEqualTo("step 1");
        vm.accept(event("alice", 2, EventRole.TOOL_START, "search_docs",
                "{\"type\":\"tool_executing\",\"tool_name\":\"search_docs\",\"data\":{\"parameters\":{\"q\":\"Q3\"}}}"));
        assertThat(alice.headline()).isEqualTo("Calling search_docs");
        assertThat(alice.phase()).isEqualTo(AgentPhase.TOOL);
        vm.accept(event("alice", 3, EventRole.TOOL_END, "search_docs",
                "{\"type\":\"tool_completed\",\"data\":{\"execution_time_ms\":120}}"));
        assertThat(alice.headline()).isEqualTo("search_docs returned");
        vm.accept(event("alice", 2_300_000_000L, EventRole.COMPLETED, null,
                "{\"type\":\"agent_completed\",\"data\":{\"result\":\"Q3 costs fell\"}}"));
        assertThat(alice.headline()).isEqualTo("Done in 2.3 s");
        assertThat(alice.phase()).isEqualTo(AgentPhase.DONE);
        assertThat(alice.steps()).isEqualTo(5);
        assertThat(alice.runs()).isEqualTo(1);
    }

    @Test
    void anAgUiRunsStreamedTextIsToldWithItsDeltasJoined() {
        dev.aei.protocol.Profile agUi = dev.aei.protocol.Profile.load("ag-ui");
        PresenterViewModel client = new PresenterViewModel(agUi::contract);
        dev.aei.capture.Session session = dev.aei.capture.Session.start("ws://test", "header", "ag-ui");
        dev.aei.capture.Lane lane = session.addLane("alice", java.util.Map.of());
        dev.aei.protocol.EventDecoder decoder = new dev.aei.protocol.EventDecoder(agUi);
        java.util.function.Function<String, List<AgentEvent>> in = json -> decoder.decode("alice",
                session.appendText(lane, dev.aei.capture.Direction.IN, json));
        for (boolean asClient : new boolean[] {false, true}) {
            client.asClientProperty().set(asClient);
            client.acceptAll("alice", in.apply("{\"type\":\"RUN_STARTED\",\"threadId\":\"t\",\"runId\":\"r\"}"));
            client.acceptAll("alice", in.apply("{\"type\":\"TEXT_MESSAGE_START\",\"messageId\":\"m1\"}"));
            UserCard alice = client.card("alice").orElseThrow();
            assertThat(alice.headline()).isEqualTo("Writing…");
            List<AgentEvent> batch = new java.util.ArrayList<>();
            for (String delta : new String[] {"Q3", " costs", "\\n", "rose 4%."}) {
                batch.addAll(in.apply("{\"type\":\"TEXT_MESSAGE_CONTENT\",\"messageId\":\"m1\",\"delta\":\""
                        + delta + "\"}"));
            }
            long trees = decoder.treesBuilt();
            client.acceptAll("alice", batch.subList(0, 1));
            client.acceptAll("alice", batch.subList(1, batch.size()));
            assertThat(alice.headline()).as("as the client: " + asClient).isEqualTo("Writing: Q3 costs rose 4%.");
            assertThat(decoder.treesBuilt()).as("the deltas come decoded, not parsed again").isEqualTo(trees);
            client.acceptAll("alice", in.apply("{\"type\":\"TEXT_MESSAGE_END\",\"messageId\":\"m1\"}"));
            assertThat(alice.headline()).isEqualTo("Writing: Q3 costs rose 4%.");
            client.acceptAll("alice", in.apply("{\"type\":\"RUN_FINISHED\",\"threadId\":\"t\",\"runId\":\"r\"}"));
            assertThat(alice.phase()).isEqualTo(AgentPhase.DONE);
            if (!asClient) {
                assertThat(alice.detail()).as("the answer the run wrote").isEqualTo("Q3 costs rose 4%.");
            }
        }
    }

    @Test
    void asTheWebClientSeesItTheBridgesShapeShowsUnknownToolsAndNeverStopsProcessing() throws Exception {
        PresenterViewModel client = new PresenterViewModel(() -> dev.aei.protocol.Profile.load("netra").contract());
        client.asClientProperty().set(true);
        client.accept(event("alice", 0, EventRole.STARTED, null,
                "{\"type\":\"agent_started\",\"agent_name\":\"cost_optimizer\"}"));
        UserCard alice = client.card("alice").orElseThrow();
        assertThat(alice.headline()).isEqualTo("Starting cost_optimizer");
        client.accept(event("alice", 1, EventRole.THINKING, null, "{\"type\":\"agent_thinking\",\"reasoning\":\"flat\"}"));
        assertThat(alice.headline()).isEqualTo("Thinking: “Processing…”");
        client.accept(event("alice", 2, EventRole.TOOL_START, "search_docs",
                "{\"type\":\"tool_executing\",\"tool_name\":\"search_docs\"}"));
        assertThat(alice.headline()).isEqualTo("Calling unknown_tool");
        client.accept(event("alice", 3, EventRole.COMPLETED, null,
                "{\"type\":\"agent_completed\",\"data\":{\"result\":\"Q3 costs fell\"}}"));
        assertThat(alice.headline()).isEqualTo("Processing your request…");
        assertThat(alice.phase()).isEqualTo(AgentPhase.WORKING);
        assertThat(alice.detail()).isEqualTo("the netra web client has had no final_report or error "
                + "(the backend sent agent_completed)");

        client.acceptAll("alice", List.of(
                event("alice", 4, EventRole.STARTED, null, "{\"type\":\"agent_started\"}"),
                event("alice", 5, EventRole.TOOL_START, null,
                        "{\"type\":\"tool_executing\",\"payload\":{\"tool_name\":\"search_docs\"}}")));
        assertThat(alice.headline()).isEqualTo("Calling search_docs");
        client.acceptAll("alice", List.of(
                event("alice", 6, EventRole.OTHER, null, "{\"type\":\"final_report\",\"payload\":{\"report\":\"r\"}}"),
                event("alice", 7, EventRole.COMPLETED, null, "{\"type\":\"agent_completed\"}")));
        assertThat(alice.phase()).as("final_report ended the run for the client").isEqualTo(AgentPhase.DONE);
        assertThat(alice.headline()).startsWith("Done in");

        client.asClientProperty().set(false);
        client.acceptAll("alice", List.of(event("alice", 8, EventRole.STARTED, null, "{\"type\":\"agent_started\"}"),
                event("alice", 9, EventRole.TOOL_START, "search_docs",
                "{\"type\":\"tool_executing\",\"tool_name\":\"search_docs\"}")));
        assertThat(alice.headline()).isEqualTo("Calling search_docs");
    }

    @Test
    void switchingTheReadingTellsEveryCardAgainAtOnce() throws Exception {
        PresenterViewModel client = new PresenterViewModel(() -> dev.aei.protocol.Profile.load("netra").contract());
        client.acceptAll("alice", List.of(event("alice", 0, EventRole.STARTED, null, "{\"type\":\"agent_started\"}"),
                event("alice", 1, EventRole.COMPLETED, null, "{\"type\":\"agent_completed\"}")));
        client.acceptAll("bob", List.of(event("bob", 0, EventRole.STARTED, null, "{\"type\":\"agent_started\"}"),
                event("bob", 1, EventRole.OTHER, null, "{\"type\":\"final_report\",\"payload\":{\"report\":\"r\"}}"),
                event("bob", 2, EventRole.COMPLETED, null, "{\"type\":\"agent_completed\"}")));
        UserCard alice = client.card("alice").orElseThrow();
        UserCard bob = client.card("bob").orElseThrow();
        assertThat(alice.headline()).startsWith("Done in");

        client.asClientProperty().set(true);
        assertThat(alice.headline()).isEqualTo("Processing your request…");
        assertThat(bob.headline()).as("bob's final_report arrived while the switch was off").startsWith("Done in");

        client.asClientProperty().set(false);
        assertThat(alice.headline()).startsWith("Done in");
        client.laneEvent("alice", new LaneEvent(LaneEvent.Kind.CLOSED, 3, 3, 1011, "gone"));
        client.asClientProperty().set(true);
        assertThat(alice.headline()).as("a connection change is not told over").isEqualTo("Disconnected");
    }

    @Test
    void withoutAContractAsTheClientSeesItChangesNothing() throws Exception {
        vm.asClientProperty().set(true);
        vm.accept(event("bob", 1, EventRole.TOOL_START, "search_docs",
                "{\"type\":\"tool_executing\",\"tool_name\":\"search_docs\"}"));
        assertThat(vm.card("bob").orElseThrow().headline()).isEqualTo("Calling search_docs");
        vm.accept(event("bob", 2, EventRole.COMPLETED, null, "{\"type\":\"agent_completed\"}"));
        assertThat(vm.card("bob").orElseThrow().phase()).isEqualTo(AgentPhase.DONE);
    }

    @Test
    void flatShapesErrorsAndReportedDurationsAreUnderstood() throws Exception {
        vm.accept(event("bob", 5, EventRole.THINKING, null, "{\"type\":\"agent_thinking\",\"reasoning\":\"flat\"}"));
        assertThat(vm.card("bob").orElseThrow().headline()).isEqualTo("Thinking: flat");
        vm.accept(event("bob", 6, EventRole.COMPLETED, null,
                "{\"type\":\"agent_completed\",\"payload\":{\"execution_time_ms\":1500}}"));
        assertThat(vm.card("bob").orElseThrow().headline()).isEqualTo("Done in 1.5 s");
        vm.accept(event("bob", 7, EventRole.ERROR, null,
                "{\"type\":\"agent_error\",\"data\":{\"error_message\":\"tool crashed\"}}"));
        assertThat(vm.card("bob").orElseThrow().headline()).isEqualTo("Error: tool crashed");
    }

    @Test
    void connectionTroubleAndLeaksShowOnTheCard() {
        vm.laneEvent("carol", new LaneEvent(LaneEvent.Kind.FAILED, 1, 1, 401, "Unauthorized"));
        UserCard carol = vm.card("carol").orElseThrow();
        assertThat(carol.headline()).isEqualTo("Could not sign in");
        assertThat(carol.detailProperty().get()).isEqualTo("401 Unauthorized");
        vm.laneEvent("carol", new LaneEvent(LaneEvent.Kind.CONNECTED, 2, 2, 0, ""));
        assertThat(carol.phase()).isEqualTo(AgentPhase.WAITING);
        vm.finding(new Finding("leak-canary", Severity.CRITICAL, "carol", null, "leak", List.of(1), 3));
        vm.finding(new Finding("late-event", Severity.WARNING, "carol", null, "late", List.of(1), 3));
        assertThat(carol.leaks()).isEqualTo(1);
        assertThat(carol.alarmed()).isTrue();
        assertThat(carol.findingsText()).isEqualTo("1 leak caught · 1 warning");
    }

    @Test
    void anErrorFindingTurnsADoneCardRedAndEverySeverityAboveInfoIsSummed() throws Exception {
        vm.accept(event("frank", 0, EventRole.STARTED, null, "{\"type\":\"agent_started\"}"));
        vm.accept(event("frank", 1, EventRole.COMPLETED, null, "{\"type\":\"agent_completed\"}"));
        UserCard frank = vm.card("frank").orElseThrow();
        assertThat(frank.alarmProperty().get()).isFalse();
        vm.finding(new Finding("seq-gap", Severity.ERROR, "frank", null, "seq jumped", List.of(1), 3));
        vm.finding(new Finding("reconnected", Severity.INFO, "frank", null, "back", List.of(), 3));
        vm.finding(new Finding("contract-end", Severity.WARNING, "frank", null, "end", List.of(1), 3));
        vm.finding(new Finding("contract-end", Severity.WARNING, "frank", null, "end", List.of(1), 3));

        assertThat(frank.phase()).isEqualTo(AgentPhase.DONE);
        assertThat(frank.alarmProperty().get()).as("red, never a green tick").isTrue();
        assertThat(frank.findingsProperty().get()).isEqualTo("1 error · 2 warnings");
    }

    @Test
    void cardsSayWordsNotJsonOrPromptMarkers() throws Exception {
        vm.accept(event("gina", 0, EventRole.STARTED, null,
                "{\"type\":\"agent_started\",\"data\":{\"message\":\"Compare Q3 [cnry-0123456789]\"}}"));
        UserCard gina = vm.card("gina").orElseThrow();
        assertThat(gina.detail()).isEqualTo("Compare Q3");
        vm.accept(event("gina", 1, EventRole.TOOL_START, "search_docs", "{\"type\":\"tool_executing\","
                + "\"data\":{\"parameters\":{\"query\":\"Q3 costs\",\"limit\":5}}}"));
        assertThat(gina.detail()).isEqualTo("query: Q3 costs, limit: 5");
        vm.accept(event("gina", 2, EventRole.COMPLETED, null, "{\"type\":\"agent_completed\",\"data\":{\"result\":"
                + "{\"summary\":\"Q3 costs are 12% below Q2 (request: Compare Q3 [cnry-0123456789])\",\"rows\":3}}}"));
        assertThat(gina.detail()).isEqualTo("Q3 costs are 12% below Q2 (request: Compare Q3)");
        assertThat(gina.detail()).doesNotContain("{").doesNotContain("cnry-");
    }

    @Test
    void markersOfTheFormatsSetInTheSettingsAreLeftOutToo() throws Exception {
        CanaryPatterns formats = new CanaryPatterns(List.of(new CanaryPattern("QA-MARK-[0-9]{4}")));
        PresenterViewModel withFormats = new PresenterViewModel(() -> dev.aei.protocol.ClientContract.NONE,
                () -> formats);
        withFormats.accept(event("ivy", 0, EventRole.STARTED, null,
                "{\"type\":\"agent_started\",\"data\":{\"message\":\"Compare Q3 (QA-MARK-1234) now\"}}"));
        UserCard ivy = withFormats.card("ivy").orElseThrow();
        assertThat(ivy.detail()).isEqualTo("Compare Q3 now");
        vm.accept(event("jo", 0, EventRole.STARTED, null,
                "{\"type\":\"agent_started\",\"data\":{\"message\":\"Compare Q3 (QA-MARK-1234) now\"}}"));
        assertThat(vm.card("jo").orElseThrow().detail()).contains("QA-MARK-1234"); // a format nobody set is words
    }

    @Test
    void afterTheRunCompletedLateAndForeignEventsChangeNeitherTheWordsNorTheCount() throws Exception {
        vm.accept(event("hana", 0, EventRole.STARTED, null, "{\"type\":\"agent_started\"}"));
        vm.accept(event("hana", 1, EventRole.THINKING, null, "{\"type\":\"agent_thinking\",\"reasoning\":\"a\"}"));
        vm.accept(event("hana", 2, EventRole.COMPLETED, null, "{\"type\":\"agent_completed\"}"));
        UserCard hana = vm.card("hana").orElseThrow();
        vm.accept(event("hana", 3, EventRole.THINKING, null,
                "{\"type\":\"agent_thinking\",\"data\":{\"step_number\":99,\"progress_percentage\":100}}"));
        JsonNode foreign = JSON.readTree("{\"type\":\"agent_thinking\",\"reasoning\":\"bob's\"}");
        vm.accept(new AgentEvent("hana", 0, 4, "agent_thinking", EventRole.THINKING, "run_t-2_00009_abcdef09", "t-2",
                "bob", 1L, null, null, null, 1, foreign, null));

        assertThat(hana.phase()).isEqualTo(AgentPhase.DONE);
        assertThat(hana.headline()).startsWith("Done in");
        assertThat(hana.steps()).isEqualTo(3);
        assertThat(hana.runOverProperty().get()).isTrue();
    }

    @Test
    void aHiddenViewKeepsTheStateButPublishesItOnlyWhenShown() throws Exception {
        vm.showingProperty().set(false);
        vm.accept(event("dave", 0, EventRole.STARTED, null, "{\"type\":\"agent_started\",\"agent_name\":\"helper\"}"));
        UserCard dave = vm.card("dave").orElseThrow();
        assertThat(dave.steps()).isEqualTo(1);
        assertThat(dave.headline()).as("put into words only when shown").isEqualTo("Waiting for a prompt");
        assertThat(dave.headlineProperty().get()).isEqualTo("Waiting for a prompt");
        assertThat(dave.runsProperty().get()).isZero();

        vm.showingProperty().set(true);
        assertThat(dave.headlineProperty().get()).isEqualTo("Starting helper");
        assertThat(dave.runsProperty().get()).isEqualTo(1);
    }

    @Test
    void aDisconnectWhileHiddenIsShownAfterTheEventsBeforeIt() throws Exception {
        vm.showingProperty().set(false);
        vm.accept(event("gina", 0, EventRole.STARTED, null, "{\"type\":\"agent_started\",\"agent_name\":\"helper\"}"));
        vm.laneEvent("gina", new LaneEvent(LaneEvent.Kind.CLOSED, 2, 2, 1006, null));

        vm.showingProperty().set(true);
        UserCard gina = vm.card("gina").orElseThrow();
        assertThat(gina.headlineProperty().get()).isEqualTo("Disconnected");
        assertThat(gina.runsProperty().get()).isEqualTo(1);
    }

    @Test
    void aBatchCountsEveryEventAndNarratesTheNewest() throws Exception {
        vm.acceptAll("erin", List.of(
                event("erin", 0, EventRole.STARTED, null, "{\"type\":\"agent_started\"}"),
                event("erin", 1, EventRole.THINKING, null, "{\"type\":\"agent_thinking\",\"reasoning\":\"a\"}"),
                event("erin", 2, EventRole.HEARTBEAT, null, "{\"type\":\"ping\"}"),
                event("erin", 3, EventRole.TOOL_START, "calc", "{\"type\":\"tool_executing\"}")));
        UserCard erin = vm.card("erin").orElseThrow();
        assertThat(erin.headlineProperty().get()).isEqualTo("Calling calc");
        assertThat(erin.stepsProperty().get()).isEqualTo(3);
        assertThat(erin.runsProperty().get()).isEqualTo(1);
    }
}
