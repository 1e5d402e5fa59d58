package dev.aei.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IsolationRulesTest {
    private static final String ALICE_MARK = "cnry-00000000a1";
    private static final String BOB_MARK = "cnry-00000000b0";
    private static final String ALICE_RUN = Wire.run("t-alice-1", 1);
    private static final String BOB_RUN = Wire.run("t-bob-1", 7);
    private final Capture c = new Capture();

    private void bothPrompt() {
        c.connect("alice", "bob");
        c.prompt("alice", "t-alice-1", ALICE_MARK);
        c.prompt("bob", "t-bob-1", BOB_MARK);
    }

    @Test
    void anotherUsersEventIsOneLeakOwnerAndStaysOutOfOrdering() {
        bothPrompt();
        c.cleanRun("bob", BOB_RUN, BOB_MARK);
        c.in("alice", Wire.event("agent_thinking", BOB_RUN).user("bob").data("reasoning", "about [" + BOB_MARK + "]"));
        c.in("alice", Wire.event("tool_completed", BOB_RUN).user("bob").tool("calc", null));
        c.in("alice", Wire.event("agent_completed", BOB_RUN).user("bob"));
        c.cleanRun("alice", ALICE_RUN, ALICE_MARK);
        c.finish(true);
        assertThat(c.found()).containsExactly("leak-owner alice " + BOB_RUN);
        Finding leak = c.only("leak-owner");
        assertThat(leak.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(leak.message()).startsWith("alice received bob's agent_thinking of run " + BOB_RUN + ": ")
                .contains("it is addressed to bob", "the run was started by bob", "bob's prompt marker " + BOB_MARK);
        assertThat(leak.frames()).containsExactly(1);
    }

    @Test
    void aRelabelledForeignRunIsLeakForeignRun() {
        bothPrompt();
        c.in("alice", Wire.event("agent_thinking", BOB_RUN).user("alice").data("reasoning", "[" + BOB_MARK + "]"));
        assertThat(c.found()).containsExactly("leak-foreign-run alice " + BOB_RUN);
        assertThat(c.only("leak-foreign-run").message()).contains("the run was started by bob (relabelled as alice)");
    }

    @Test
    void onlyTheCanaryBetraysALeakWithoutOwnershipFields() {
        bothPrompt();
        c.in("alice", Wire.event("stream_chunk").put("content", "as you asked [" + BOB_MARK + "]"));
        c.in("alice", Wire.event("stream_chunk").put("content", "again [" + BOB_MARK + "]"));
        c.in("alice", Wire.event("agent_thinking", "r-unknown").data("reasoning", "[" + BOB_MARK + "]"));
        c.in("alice", Wire.event("agent_completed", "r-unknown"));
        c.in("alice", "{\"type\":\"agent_thinking\",\"data\":{\"reasoning\":\"[" + BOB_MARK + "]");
        assertThat(c.found()).containsExactly("leak-canary alice null", "leak-canary alice r-unknown",
                "malformed-frame alice null");
        assertThat(c.analyzer.findings().get(0).message())
                .isEqualTo("alice received bob's stream_chunk: it carries bob's prompt marker " + BOB_MARK);
        assertThat(c.found()).as("the unknown run is bob's, not alice's: no first-event").doesNotContain("first-event alice r-unknown");
    }

    @Test
    void ownMarkersAreNotLeaks() {
        bothPrompt();
        c.cleanRun("alice", ALICE_RUN, ALICE_MARK);
        assertThat(c.found()).isEmpty();
    }

    @Test
    void aDemoIdentityIsOneMismatchNotAFlood() {
        bothPrompt();
        c.prompt("carol", "t-carol-1", "cnry-00000000c0");
        c.in("bob", Wire.event("connection_established").data("user_id", "demo-user-001"));
        for (int run = 1; run <= 3; run++) {
            c.cleanRun("bob", Wire.run("t-bob-1", run), BOB_MARK);
        }
        c.in("bob", Wire.event("agent_thinking", Wire.run("t-carol-1", 1)).user("carol"));
        assertThat(c.found()).containsExactly("identity-mismatch bob null", "leak-foreign-run bob " + Wire.run("t-carol-1", 1));
        assertThat(c.only("identity-mismatch").severity()).isEqualTo(Severity.ERROR);
        assertThat(c.only("identity-mismatch").message()).startsWith("the server reports user demo-user-001 for this connection");
    }

    @Test
    void identityComesFromTheFirstOwnEventsWithoutAConnectionEvent() {
        bothPrompt();
        c.in("bob", Wire.event("agent_started", BOB_RUN).user("demo-user-001"));
        c.in("bob", Wire.event("agent_completed", BOB_RUN).user("demo-user-001"));
        assertThat(c.found()).containsExactly("identity-mismatch bob " + BOB_RUN);
    }

    @Test
    void aTruncatedIdMatchesByPrefix() {
        bothPrompt();
        c.in("alice", Wire.event("connection_established").data("user_id", "ali..."));
        c.in("bob", Wire.event("connection_established").data("user_id", "ali..."));
        c.cleanRun("alice", ALICE_RUN, ALICE_MARK);
        assertThat(c.found()).containsExactly("identity-mismatch bob null");
        assertThat(IsolationRules.sameUser("ali…", "alice")).isTrue();
        assertThat(IsolationRules.sameUser("...", "alice")).isFalse();
        assertThat(IsolationRules.sameUser("alicia", "alice")).isFalse();
    }

    @Test
    void aRunWithoutAKnownThreadBelongsToTheFirstLaneThatSawItStart() {
        c.connect("alice", "bob");
        c.in("bob", Wire.event("agent_started", "r-1").user("bob"));
        c.in("alice", Wire.event("agent_thinking", "r-1").user("alice"));
        c.in("bob", Wire.event("agent_completed", "r-1").user("bob"));
        assertThat(c.found()).containsExactly("leak-foreign-run alice r-1");
    }

    @Test
    void aForeignMemberOfABatchIsALeak() {
        bothPrompt();
        c.in("alice", "{\"type\":\"event_batch\",\"events\":["
                + Wire.event("agent_started", ALICE_RUN).user("alice") + ","
                + Wire.event("agent_thinking", BOB_RUN).user("alice").data("reasoning", "[" + BOB_MARK + "]") + ","
                + Wire.event("agent_completed", ALICE_RUN).user("alice") + "]}");
        assertThat(c.found()).containsExactly("leak-foreign-run alice " + BOB_RUN);
    }

    @Test
    void aLaneWithoutAVerifiedIdentityIsNeverAMismatchButLeaksAreStillFound() {
        c.session.addLane("ws-1", java.util.Map.of(Analyzer.UNVERIFIED_CLAIM, true));
        c.connect("ws-1", "bob");
        c.prompt("ws-1", "t-ws-1", ALICE_MARK);
        c.prompt("bob", "t-bob-1", BOB_MARK);
        c.in("ws-1", Wire.event("connection_established").data("user_id", "demo-user-001"));
        c.in("ws-1", Wire.event("agent_started", Wire.run("t-ws-1", 1)).user("demo-user-001"));
        c.in("ws-1", Wire.event("agent_completed", Wire.run("t-ws-1", 1)).user("demo-user-001"));
        c.in("bob", Wire.event("agent_started", BOB_RUN).user("bob"));
        c.in("ws-1", Wire.event("agent_thinking", BOB_RUN).user("demo-user-001"));
        c.in("ws-1", Wire.event("agent_thinking").data("reasoning", "[" + BOB_MARK + "]"));
        c.in("bob", Wire.event("agent_completed", BOB_RUN).user("bob"));
        c.finish(true);
        assertThat(c.found()).containsExactly("identity-unverified ws-1 null", "leak-foreign-run ws-1 " + BOB_RUN,
                "leak-canary ws-1 null");
        assertThat(c.only("identity-unverified").severity()).isEqualTo(Severity.INFO);
        assertThat(c.only("identity-unverified").message()).startsWith("identity could not be checked");
    }
}
