package dev.aei.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.capture.Direction;
import dev.aei.capture.LaneEvent;
import dev.aei.capture.Opcode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StreamRulesTest {
    private static final String RUN = Wire.run("t-alice-1", 1);
    private final Capture c = new Capture();

    private void numbered(long... seqs) {
        c.connect("alice");
        c.prompt("alice", "t-alice-1", "cnry-00000000a1");
        c.in("alice", Wire.event("agent_started", RUN).seq(seqs[0]));
        for (int i = 1; i < seqs.length; i++) {
            c.in("alice", Wire.event("agent_thinking", RUN).seq(seqs[i]).put("step", i));
        }
    }

    @Test
    void aGapIsReportedWithItsCountOnceItStaysOpen() {
        numbered(1, 2, 3, 4, 7, 8);
        assertThat(c.found()).as("held back: it may still be a reorder").isEmpty();
        c.finish(false);
        assertThat(c.found()).containsExactly("seq-gap alice " + RUN);
        assertThat(c.only("seq-gap").message()).isEqualTo("2 events missing between seq 4 and 7");
        assertThat(c.only("seq-gap").frames()).containsExactly(4, 5);
    }

    @Test
    void aGapIsFinalAfterThreeMoreFramesOrTheReorderWindow() {
        numbered(1, 2, 8, 9, 10);
        assertThat(c.found()).isEmpty();
        c.in("alice", Wire.event("agent_thinking", RUN).seq(11));
        assertThat(c.found()).containsExactly("seq-gap alice " + RUN);

        Capture timed = new Capture();
        timed.connect("alice");
        long at = timed.in("alice", Wire.event("heartbeat").seq(1)).nanos();
        timed.in("alice", Wire.event("heartbeat").seq(3).put("n", 2));
        timed.analyzer.tick(at + Duration.ofSeconds(3).toNanos());
        assertThat(timed.found()).containsExactly("seq-gap alice null");
    }

    @Test
    void aSwappedPairIsOneRegressionNotAGap() {
        numbered(1, 2, 4, 3, 5);
        c.finish(false);
        assertThat(c.found()).containsExactly("seq-regression alice " + RUN);
        assertThat(c.only("seq-regression").message()).isEqualTo("seq went back from 4 to 3 (delivered out of order)");
    }

    @Test
    void theSameSeqTwiceIsADuplicateAndAnOldOneARegression() {
        numbered(1, 2, 2, 3, 1);
        c.finish(false);
        assertThat(c.found()).containsExactly("seq-duplicate alice " + RUN, "seq-duplicate alice " + RUN);
        Capture reset = new Capture();
        reset.connect("alice");
        reset.in("alice", Wire.event("heartbeat").seq(5));
        reset.in("alice", Wire.event("heartbeat").seq(2).put("n", 1));
        assertThat(reset.found()).containsExactly("seq-regression alice null");
    }

    @Test
    void unreadableFramesUseUpTheNumberTheyCarried() {
        c.connect("alice");
        c.in("alice", Wire.event("heartbeat").seq(1));
        c.in("alice", "{\"type\":\"heartbeat\",\"seq\":");
        c.session.append(c.lane("alice"), Direction.IN, Opcode.BINARY, null, new byte[] {7});
        c.in("alice", Wire.event("heartbeat").seq(4).put("n", 4));
        c.in("alice", Wire.event("heartbeat").seq(6).put("n", 6));
        c.finish(false);
        assertThat(c.found()).containsExactly("malformed-frame alice null", "unknown-event alice null",
                "seq-gap alice null");
        assertThat(c.only("seq-gap").message()).isEqualTo("1 event missing between seq 4 and 6");
    }

    @Test
    void onlyTimestampsWrittenInWholeSecondsGetSlack() {
        Instant base = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        c.connect("alice");
        c.in("alice", Wire.event("heartbeat").at(base.plusMillis(400)));
        c.in("alice", Wire.event("heartbeat").put("timestamp", base.getEpochSecond()));
        c.in("alice", Wire.event("heartbeat").at(base.plusMillis(500)));
        assertThat(c.found()).isEmpty();
        c.in("alice", "{\"type\":\"heartbeat\",\"timestamp\":" + base.getEpochSecond() + ".000}");
        assertThat(c.found()).containsExactly("timestamp-regression alice null");
    }

    @Test
    void aReconnectStartsANewNumbering() {
        c.connect("alice");
        c.in("alice", Wire.event("heartbeat").seq(1));
        c.in("alice", Wire.event("heartbeat").seq(2).put("n", 2));
        c.closedByInspector("alice");
        c.connect("alice");
        c.in("alice", Wire.event("heartbeat").seq(1).put("n", 3));
        c.finish(false);
        assertThat(c.found()).containsExactly("reconnect alice null");
    }

    @Test
    void aNewAttemptThatFailsAfterTheInspectorClosedTheSocketIsADisconnect() {
        c.connect("alice");
        c.closedByInspector("alice");
        assertThat(c.found()).as("the inspector's own close is no loss").isEmpty();
        c.event("alice", LaneEvent.Kind.CONNECTING, 0, "ws://127.0.0.1:1/ws");
        c.event("alice", LaneEvent.Kind.FAILED, 0, "connection refused");
        c.event("alice", LaneEvent.Kind.FAILED, 0, "connection refused"); // the same loss told twice
        assertThat(c.found()).containsExactly("disconnect alice null");
        assertThat(c.only("disconnect").message()).isEqualTo("the connection failed: connection refused");
    }

    @Test
    void redeliveriesAreDuplicatesButLookalikesWithNewTimesAreNot() {
        Instant now = Instant.now();
        c.connect("alice");
        c.prompt("alice", "t-alice-1", "cnry-00000000a1");
        c.in("alice", Wire.event("agent_started", RUN).at(now).seq(1));
        Wire thought = Wire.event("agent_thinking", RUN).at(now.plusMillis(5)).data("reasoning", "hm");
        c.in("alice", thought.seq(2));
        c.in("alice", thought.seq(3));
        c.in("alice", thought.seq(4).put("attempt", 2));
        c.in("alice", Wire.event("agent_thinking", RUN).at(now.plusMillis(9)).data("reasoning", "hm").seq(5));
        c.in("alice", Wire.event("agent_completed", RUN).at(now.plusMillis(10)).seq(6));
        c.finish(true);
        assertThat(c.found()).containsExactly("duplicate-event alice " + RUN, "duplicate-event alice " + RUN);
        assertThat(c.analyzer.findings().get(0).message()).isEqualTo("agent_thinking of run " + RUN
                + " was delivered twice (frames 2 and 3)");
        assertThat(c.analyzer.findings().get(1).message()).endsWith("was delivered again as attempt 2 (frames 3 and 4)");
    }

    @Test
    void theServerClockGoingBackIsAWarningWithSlackForWholeSeconds() {
        Instant now = Instant.now().plusMillis(250);
        c.connect("alice");
        c.in("alice", Wire.event("heartbeat").at(now));
        c.in("alice", Wire.event("heartbeat").put("timestamp", now.getEpochSecond()));
        c.in("alice", Wire.event("heartbeat").at(now.plusMillis(1)));
        c.in("alice", Wire.event("heartbeat").at(now.minusMillis(300)));
        assertThat(c.found()).containsExactly("timestamp-regression alice null");
        assertThat(c.only("timestamp-regression").severity()).isEqualTo(Severity.WARNING);
        assertThat(c.only("timestamp-regression").message()).startsWith("server time went back 301 ms");
    }

    @Test
    void lateEventsAreWarnedOncePerRun() {
        Instant old = Instant.now().minusSeconds(30);
        c.connect("alice");
        c.prompt("alice", "t-alice-1", "cnry-00000000a1");
        c.in("alice", Wire.event("agent_started", RUN).at(old));
        c.in("alice", Wire.event("agent_completed", RUN).at(old.plusMillis(1)));
        assertThat(c.found()).containsExactly("late-event alice " + RUN);
        assertThat(c.only("late-event").message()).contains("agent_started of run " + RUN + " arrived 30")
                .endsWith("after its server timestamp (threshold 5 s)");
    }

    @Test
    void malformedBinaryAndUnknownFramesAreKeptAndFlagged() {
        c.connect("alice");
        c.in("alice", "{\"type\":\"agent_thinking\",\"run_id\":");
        c.session.append(c.lane("alice"), Direction.IN, Opcode.BINARY, null, new byte[] {1, 2, 3});
        c.session.append(c.lane("alice"), Direction.IN, Opcode.TEXT, null, new byte[] {(byte) 0xff});
        c.in("alice", Wire.event("mystery").put("n", 1));
        c.in("alice", Wire.event("mystery").put("n", 2));
        c.in("alice", Wire.event("enigma"));
        assertThat(c.found()).containsExactly("malformed-frame alice null", "unknown-event alice null",
                "malformed-frame alice null", "unknown-event alice null", "unknown-event alice null");
        assertThat(c.analyzer.findings().get(1).severity()).isEqualTo(Severity.WARNING);
        assertThat(c.analyzer.findings().get(1).message()).isEqualTo("frame 1 is a binary frame of 3 bytes, which the profile cannot read");
        assertThat(c.analyzer.findings().get(2).message()).isEqualTo("frame 2 is malformed: text frame is not valid UTF-8");
        assertThat(c.analyzer.findings().get(3).message()).startsWith("unknown event type 'mystery'");
    }

    @Test
    void framesOverTheSizeLimitAreMalformed() {
        Capture small = new Capture("netra", RuleConfig.defaults().withMaxFrameBytes(100));
        small.connect("alice");
        small.in("alice", Wire.event("heartbeat").put("pad", "x".repeat(200)));
        assertThat(small.only("malformed-frame").message()).contains("over the 100-byte limit");
    }

    @Test
    void disabledRulesStaySilent() {
        Capture quiet = new Capture("netra", RuleConfig.defaults().without(Rule.UNKNOWN_EVENT));
        quiet.connect("alice");
        quiet.in("alice", Wire.event("mystery"));
        assertThat(quiet.found()).isEmpty();
    }
}
