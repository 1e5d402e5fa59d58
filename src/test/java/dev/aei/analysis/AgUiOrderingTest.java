package dev.aei.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The ordering and isolation rules on an AG-UI style stream, read through the ag-ui profile. */
class AgUiOrderingTest {
    private final Capture c = new Capture("ag-ui", RuleConfig.defaults());

    private void prompts() {
        c.connect("alice", "bob");
        c.prompt("alice", "t-alice-1", "cnry-00000000a1");
        c.prompt("bob", "t-bob-1", "cnry-00000000b0");
    }

    private void in(String lane, String json) {
        c.in(lane, json.replace('\'', '"'));
    }

    private void started(String lane, String thread, String run) {
        in(lane, "{'type':'RUN_STARTED','threadId':'" + thread + "','runId':'" + run + "'}");
    }

    private void finished(String lane, String thread, String run) {
        in(lane, "{'type':'RUN_FINISHED','threadId':'" + thread + "','runId':'" + run + "'}");
    }

    private void message(String lane, String id) {
        in(lane, "{'type':'TEXT_MESSAGE_START','messageId':'" + id + "','role':'assistant'}");
        in(lane, "{'type':'TEXT_MESSAGE_CONTENT','messageId':'" + id + "','delta':'Looking at " + id + "'}");
        in(lane, "{'type':'TEXT_MESSAGE_END','messageId':'" + id + "'}");
    }

    private void tool(String lane, String callId, boolean end) {
        in(lane, "{'type':'TOOL_CALL_START','toolCallId':'" + callId + "','toolCallName':'search'}");
        in(lane, "{'type':'TOOL_CALL_ARGS','toolCallId':'" + callId + "','delta':'{}'}");
        if (end) {
            in(lane, "{'type':'TOOL_CALL_END','toolCallId':'" + callId + "'}");
            in(lane, "{'type':'TOOL_CALL_RESULT','toolCallId':'" + callId + "','messageId':'m9','content':'3 hits'}");
        }
    }

    @Test
    void aHealthyRunWithoutRunIdsOnItsEventsIsClean() {
        prompts();
        started("alice", "t-alice-1", "r-a1");
        in("alice", "{'type':'STEP_STARTED','stepName':'plan'}");
        message("alice", "m1");
        tool("alice", "tc-1", true);
        in("alice", "{'type':'STATE_DELTA','delta':[]}");
        in("alice", "{'type':'STEP_FINISHED','stepName':'plan'}");
        finished("alice", "t-alice-1", "r-a1");
        c.finish(true);
        assertThat(c.found()).isEmpty();
    }

    @Test
    void orderingFaultsAreFoundOnRunlessEvents() {
        prompts();
        message("alice", "m0"); // before any run: the beginning of a run without its start
        started("alice", "t-alice-1", "r-a1");
        tool("alice", "tc-1", false);
        in("alice", "{'type':'TOOL_CALL_END','toolCallId':'tc-404'}");
        finished("alice", "t-alice-1", "r-a1");
        message("alice", "m2");
        in("alice", "{'type':'RUN_STARTED','threadId':'t-alice-1','runId':'r-a1','note':'again'}");
        in("alice", "{'type':'TEXT_MESSAGE_CONTENT','threadId':'t-alice-1','runId':'r-a2','delta':'x'}");
        c.finish(true);
        // One run at a time: m0 begins the run r-a1's start then takes over; m2 comes after r-a1
        // finished; the second start is a new run, and its events belong to it whatever runId they name.
        assertThat(c.found()).containsExactly("first-event alice null", "tool-unmatched alice r-a1",
                "tool-unfinished alice r-a1", "after-completion alice r-a1", "pair-unopened alice r-a1",
                "run-incomplete alice r-a1");
        assertThat(c.analyzer.findings().get(0).message())
                .isEqualTo("the run without a run id from frame 1 began with TEXT_MESSAGE_START, not RUN_STARTED");
        assertThat(c.only("pair-unopened").message())
                .isEqualTo("TEXT_MESSAGE_CONTENT for text message in run r-a1 has no open TEXT_MESSAGE_START");
        assertThat(c.only("tool-unmatched").message()).contains("has no open TOOL_CALL_START");
    }

    @Test
    void anotherLanesRunIsALeak() {
        prompts();
        started("bob", "t-bob-1", "r-b1");
        started("alice", "t-bob-1", "r-b1");
        in("alice", "{'type':'TEXT_MESSAGE_CONTENT','messageId':'m1','delta':'re: [cnry-00000000b0]'}");
        finished("bob", "t-bob-1", "r-b1");
        assertThat(c.found()).containsExactly("leak-foreign-run alice r-b1", "leak-canary alice null");
    }
}
