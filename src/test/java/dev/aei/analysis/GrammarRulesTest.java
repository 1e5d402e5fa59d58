package dev.aei.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.capture.CaptureClock;
import dev.aei.protocol.Profile;
import org.junit.jupiter.api.Test;

/** The rules a profile's grammar asks for, on profiles written here and on netra's tool pair. */
class GrammarRulesTest {
    private static final String PROFILE = "{\"name\":\"mine\",\"fields\":{\"type\":[\"kind\"],\"run_id\":[\"run\"],"
            + "\"seq\":[\"seq\"]},\"roles\":{\"started\":[\"begin\"],\"completed\":[\"end\"],\"error\":[\"fail\"],"
            + "\"other\":[\"open\",\"close\",\"note\"]},"
            + "\"pairs\":[{\"name\":\"block\",\"open\":[\"open\"],\"close\":[\"close\"],\"inside\":[\"note\"]}]%s}";

    private static Capture capture(String runs) {
        return new Capture(Profile.parse(PROFILE.formatted(runs), "mine"), RuleConfig.defaults(), new CaptureClock());
    }

    private static void in(Capture c, String json) {
        c.in("alice", json.replace('\'', '"'));
    }

    @Test
    void aPairWithoutAKeyIsOneOpenAtATime() {
        Capture c = capture(",\"runs\":{\"duplicates\":\"off\"}"); // its events repeat word for word
        in(c, "{'kind':'begin','run':'r1'}");
        in(c, "{'kind':'open'}");
        in(c, "{'kind':'note'}");
        in(c, "{'kind':'open'}");
        in(c, "{'kind':'close'}");
        in(c, "{'kind':'close'}");
        in(c, "{'kind':'note'}");
        in(c, "{'kind':'open'}");
        in(c, "{'kind':'end','run':'r1'}");
        assertThat(c.found()).containsExactly("pair-reopened alice r1", "pair-unopened alice r1",
                "pair-unopened alice r1", "pair-unclosed alice r1");
        assertThat(c.analyzer.findings().get(0).frames()).containsExactly(1, 3);
        assertThat(c.only("pair-unclosed").message()).isEqualTo("run r1 completed while block was still open (no close)");
    }

    @Test
    void aRunEndedByAnErrorLeavesItsOpenPairsUnjudged() {
        Capture c = capture("");
        in(c, "{'kind':'begin','run':'r1'}");
        in(c, "{'kind':'open'}");
        in(c, "{'kind':'fail','run':'r1'}");
        assertThat(c.found()).isEmpty();
    }

    @Test
    void duplicatesBySeqOrNever() {
        Capture bySeq = capture(",\"runs\":{\"duplicates\":\"seq\"}");
        in(bySeq, "{'kind':'begin','run':'r1','seq':1}");
        in(bySeq, "{'kind':'note','run':'r1','seq':2,'text':'a'}");
        in(bySeq, "{'kind':'note','run':'r1','seq':2,'text':'b'}");
        assertThat(bySeq.found()).contains("duplicate-event alice r1");
        Capture never = capture(",\"runs\":{\"duplicates\":\"off\"}");
        in(never, "{'kind':'begin','run':'r1'}");
        in(never, "{'kind':'open','run':'r1'}");
        in(never, "{'kind':'close','run':'r1'}");
        in(never, "{'kind':'open','run':'r1'}");
        in(never, "{'kind':'close','run':'r1'}");
        in(never, "{'kind':'end','run':'r1'}");
        assertThat(never.found()).isEmpty();
    }

    @Test
    void oneRunAtATimeWithCheckedRunIdsJudgesAnEndNamingAnotherRunAsThatRuns() {
        Capture c = capture(",\"runs\":{\"one_at_a_time\":true}");
        in(c, "{'kind':'begin','run':'r1'}");
        in(c, "{'kind':'end','run':'r2'}");
        in(c, "{'kind':'end','run':'r1'}");
        in(c, "{'kind':'begin','run':'r3'}");
        in(c, "{'kind':'end'}");
        assertThat(c.found()).containsExactly("first-event alice r2");
    }

    @Test
    void netrasToolStartedAgainWithAnOpenCallIdIsReopened() {
        Capture c = new Capture();
        c.in("alice", Wire.event("agent_started", "r1"));
        c.in("alice", Wire.event("tool_executing", "r1").tool("calc", "c-1"));
        c.in("alice", Wire.event("tool_executing", "r1").tool("calc", "c-1").data("again", "yes"));
        c.in("alice", Wire.event("tool_executing", "r1").tool("calc", null));
        c.in("alice", Wire.event("tool_completed", "r1").tool("calc", "c-1"));
        c.in("alice", Wire.event("tool_completed", "r1").tool("calc", null));
        c.in("alice", Wire.event("agent_completed", "r1"));
        assertThat(c.found()).containsExactly("pair-reopened alice r1");
        assertThat(c.only("pair-reopened").message())
                .isEqualTo("tool_executing opened calc (call c-1) in run r1 again while it was open (since frame 1)");
    }
}
