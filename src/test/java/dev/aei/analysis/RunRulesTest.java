package dev.aei.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.capture.LaneEvent;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RunRulesTest {
    private static final String RUN = Wire.run("t-alice-1", 1);
    private final Capture c = new Capture();

    private void start() {
        c.connect("alice");
        c.prompt("alice", "t-alice-1", "cnry-00000000a1");
    }

    @Test
    void aHealthyRunRaisesNothing() {
        start();
        c.cleanRun("alice", RUN, "cnry-00000000a1");
        c.finish(true);
        assertThat(c.found()).isEmpty();
        assertThat(c.sunk).isEmpty();
    }

    @Test
    void aRunMustBeginWithItsStart() {
        start();
        c.in("alice", Wire.event("agent_thinking", RUN).user("alice"));
        c.in("alice", Wire.event("agent_started", RUN).user("alice"));
        c.in("alice", Wire.event("agent_completed", RUN).user("alice"));
        assertThat(c.found()).containsExactly("first-event alice " + RUN);
        assertThat(c.only("first-event").message()).isEqualTo("run " + RUN + " began with agent_thinking, not agent_started");
        assertThat(c.only("first-event").frames()).containsExactly(1);
    }

    @Test
    void aSecondStartIsFlaggedButAnIdenticalRedeliveryIsADuplicate() {
        start();
        Instant now = Instant.now();
        c.in("alice", Wire.event("agent_started", RUN).user("alice").at(now));
        c.in("alice", Wire.event("agent_started", RUN).user("alice").at(now));
        c.in("alice", Wire.event("agent_started", RUN).user("alice").at(now.plusMillis(100)));
        assertThat(c.found()).containsExactly("duplicate-event alice " + RUN, "duplicate-start alice " + RUN);
        assertThat(c.only("duplicate-start").frames()).containsExactly(1, 3);
    }

    @Test
    void eventsAfterTheEndAreReportedOncePerRun() {
        start();
        c.cleanRun("alice", RUN, "cnry-00000000a1");
        c.in("alice", Wire.event("agent_thinking", RUN).user("alice").data("reasoning", "one more"));
        c.in("alice", Wire.event("agent_thinking", RUN).user("alice").data("reasoning", "and another"));
        assertThat(c.found()).containsExactly("after-completion alice " + RUN);
        assertThat(c.only("after-completion").message()).contains("agent_thinking arrived after run")
                .contains("ended with agent_completed (frame 5)");
    }

    @Test
    void toolsPairByIdAndElseByNameInOrder() {
        start();
        c.in("alice", Wire.event("agent_started", RUN).user("alice"));
        c.in("alice", Wire.event("tool_executing", RUN).tool("search", "tc-1"));
        c.in("alice", Wire.event("tool_executing", RUN).tool("search", "tc-2"));
        c.in("alice", Wire.event("tool_completed", RUN).tool("search", "tc-2"));
        c.in("alice", Wire.event("tool_completed", RUN).tool("search", "tc-1"));
        c.in("alice", Wire.event("tool_executing", RUN).tool("calc", null));
        c.in("alice", Wire.event("tool_completed", RUN).tool("calc", null).data("results", "4"));
        c.in("alice", Wire.event("tool_completed", RUN).tool("calc", null).data("results", "5"));
        c.in("alice", Wire.event("tool_completed", RUN).tool("search", "tc-9"));
        c.in("alice", Wire.event("agent_completed", RUN));
        assertThat(c.found()).containsExactly("tool-unmatched alice " + RUN, "tool-unmatched alice " + RUN);
        assertThat(c.analyzer.findings().get(1).message())
                .isEqualTo("tool_completed for search (call tc-9) in run " + RUN + " has no open tool_executing");
    }

    @Test
    void completingWithAnOpenToolIsUnfinishedButAnErrorIsNot() {
        start();
        c.in("alice", Wire.event("agent_started", RUN));
        c.in("alice", Wire.event("tool_executing", RUN).tool("calc", "tc-1"));
        c.in("alice", Wire.event("agent_completed", RUN));
        String other = Wire.run("t-alice-1", 2);
        c.in("alice", Wire.event("agent_started", other));
        c.in("alice", Wire.event("tool_executing", other).tool("calc", "tc-2"));
        c.in("alice", Wire.event("agent_error", other));
        assertThat(c.found()).containsExactly("tool-unfinished alice " + RUN);
        assertThat(c.only("tool-unfinished").message()).isEqualTo("run " + RUN + " completed while calc (call tc-1) was still running");
        assertThat(c.only("tool-unfinished").frames()).containsExactly(2, 3);
    }

    @Test
    void runsThatOutliveTheTimeoutAreIncompleteOnce() {
        Capture quick = new Capture("netra", RuleConfig.defaults().withRunTimeout(Duration.ofSeconds(1)));
        quick.connect("alice");
        long started = quick.in("alice", Wire.event("agent_started", RUN)).nanos();
        quick.analyzer.tick(started + Duration.ofMillis(900).toNanos());
        assertThat(quick.found()).isEmpty();
        quick.analyzer.tick(started + Duration.ofSeconds(1).toNanos());
        quick.analyzer.tick(started + Duration.ofSeconds(5).toNanos());
        assertThat(quick.found()).containsExactly("run-incomplete alice " + RUN);
        assertThat(quick.only("run-incomplete").message()).isEqualTo("run " + RUN + " did not complete within 1 s");
    }

    @Test
    void aSocketClosedByTheServerLeavesOpenRunsIncomplete() {
        start();
        c.in("alice", Wire.event("agent_started", RUN));
        c.in("alice", Wire.event("agent_thinking", RUN));
        c.event("alice", LaneEvent.Kind.CLOSED, 1006, "closed by the server");
        c.event("alice", LaneEvent.Kind.FAILED, 1006, "connection reset");
        assertThat(c.found()).containsExactly("disconnect alice null", "run-incomplete alice " + RUN);
        assertThat(c.only("run-incomplete").message())
                .isEqualTo("the socket closed (code 1006): closed by the server before run " + RUN + " completed");
        assertThat(c.only("run-incomplete").frames()).containsExactly(1, 2);
        assertThat(c.only("disconnect").severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void closingItselfAtTheEndLeavesNothingIncompleteUnlessAWaitTimedOut() {
        start();
        c.in("alice", Wire.event("agent_started", RUN));
        c.closedByInspector("alice");
        c.finish(false);
        assertThat(c.found()).isEmpty();
        assertThat(c.analyzer.openRuns()).extracting(Analyzer.OpenRun::runId).containsExactly(RUN);
        c.finish(true);
        assertThat(c.found()).containsExactly("run-incomplete alice " + RUN);
        assertThat(c.analyzer.openRuns()).isEmpty();
    }

    @Test
    void aReconnectIsInfo() {
        c.connect("alice");
        c.event("alice", LaneEvent.Kind.CLOSED, 1001, "going away");
        c.event("alice", LaneEvent.Kind.RECONNECTING, 0, "");
        c.connect("alice");
        assertThat(c.found()).containsExactly("disconnect alice null", "reconnect alice null");
        assertThat(c.analyzer.findings()).extracting(Finding::severity).containsOnly(Severity.INFO);
    }

    @Test
    void runlessNetraEventsBelongToTheOpenRunAndWithNoneOpenAreAFirstEvent() {
        start();
        c.in("alice", Wire.event("agent_started").user("alice"));
        c.in("alice", Wire.event("tool_call").put("tool", "search"));
        c.in("alice", Wire.event("agent_finished"));
        c.in("alice", Wire.event("thread_created").put("threadId", "t-alice-1"));
        c.in("alice", Wire.event("mcp_server_status"));
        c.in("alice", Wire.event("tool_executing").put("tool", "calc"));
        c.finish(true);
        assertThat(c.found()).containsExactly("tool-unfinished alice null", "first-event alice null",
                "run-incomplete alice null");
        assertThat(c.analyzer.findings().get(0).message())
                .isEqualTo("the run without a run id from frame 1 completed while search was still running");
    }

    @Test
    void runIdsThatHoldNoThreadCauseNoFinding() {
        c.connect("alice", "bob");
        c.prompt("alice", "t-a", "cnry-00000000a1");
        c.prompt("bob", "t-b", "cnry-00000000b1");
        for (String lane : new String[] {"alice", "bob"}) {
            String run = lane.equals("alice") ? "execution_1_0badc0de" : "run_demo_auth_1_0badc0df";
            c.in(lane, Wire.event("agent_started", run).user(lane));
            c.in(lane, Wire.event("tool_result", run).user(lane).put("tool_id", "x"));
            c.in(lane, Wire.event("subagent_completed", run).user(lane));
        }
        c.finish(true);
        assertThat(c.found()).containsExactly("tool-unmatched alice execution_1_0badc0de",
                "tool-unmatched bob run_demo_auth_1_0badc0df");
    }
}
