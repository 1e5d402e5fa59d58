package dev.aei.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aei.capture.CaptureClock;
import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.LaneEvent;
import dev.aei.capture.Opcode;
import dev.aei.capture.Session;
import dev.aei.capture.SessionInfo;
import dev.aei.protocol.Profile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code prompt-unanswered} and {@code server-error}, driven by an explicit session clock: every
 * frame is placed at a chosen stamp, and time passes only through those stamps and {@code tick}.
 * Each case is checked live (ticked) and offline (replayed from the recorded stamps).
 */
class PromptRulesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SECOND = 1_000_000_000L;
    /** The frames here are in the backend's shape; the client contract has its own tests. */
    private static final RuleConfig RULES = RuleConfig.defaults().without(Rule.CONTRACT_FIELD, Rule.CONTRACT_END);

    /** A session whose frames are stamped by hand, with a live analyzer attached. */
    private static final class Stamped {
        final Session session = new Session(new SessionInfo("ws://test/ws", "header", "netra", 0), new CaptureClock());
        final Analyzer live = Analyzer.create(Profile.load("netra"), RULES, null);

        Stamped() {
            session.addListener(live);
        }

        Lane lane(String id) {
            Lane lane = session.lane(id);
            return lane != null ? lane : session.addLane(id, Map.of());
        }

        void at(long nanos, String lane, Direction direction, Object text) {
            session.restore(lane(lane), new Frame(0, direction, nanos, nanos / 1_000_000, Opcode.TEXT,
                    text.toString(), null));
        }

        void event(long nanos, String lane, LaneEvent.Kind kind, int code, String detail) {
            session.restore(lane(lane), new LaneEvent(kind, nanos, nanos / 1_000_000, code, detail));
        }

        void closed(long nanos, String lane, LaneEvent.ClosedBy by) {
            session.restore(lane(lane), new LaneEvent(LaneEvent.Kind.CLOSED, nanos, nanos / 1_000_000, 1000,
                    "inspector disconnected", by));
        }

        /** Rule, lane and message of the live findings after ticking to {@code nanos}. */
        List<String> liveAt(long nanos) {
            live.tick(nanos);
            return keys(live.findings());
        }

        /** The same session replayed offline, finished at its last stamp. */
        List<String> offline() {
            Analyzer replay = Analyzer.create(Profile.load("netra"), RULES, null);
            return keys(SessionReplay.analyze(session, replay));
        }
    }

    private static List<String> keys(List<Finding> findings) {
        List<String> keys = new ArrayList<>();
        findings.forEach(f -> keys.add(f.rule() + " " + f.lane() + " " + f.message()));
        return keys;
    }

    private static String startAgent(String thread, String text) {
        ObjectNode msg = JSON.createObjectNode().put("type", "start_agent");
        msg.putObject("payload").put("user_request", text).put("thread_id", thread);
        return msg.toString();
    }

    @Test
    void aPromptThatStartsNoRunInTimeIsUnansweredLiveAndOffline() {
        Stamped s = new Stamped();
        s.event(0, "alice", LaneEvent.Kind.CONNECTED, 101, "ws://test/ws");
        s.at(SECOND, "alice", Direction.OUT, startAgent("t-1", "compare costs"));
        assertThat(s.liveAt(15 * SECOND)).isEmpty();
        String expected = "prompt-unanswered alice prompt start_agent (frame 0, thread t-1) started no run within 15 s";
        assertThat(s.liveAt(16 * SECOND)).containsExactly(expected);
        s.closed(17 * SECOND, "alice", LaneEvent.ClosedBy.INSPECTOR);
        assertThat(s.offline()).containsExactly(expected);
    }

    @Test
    void aRunOfThePromptsThreadAnswersIt() {
        Stamped s = new Stamped();
        s.at(SECOND, "alice", Direction.OUT, Wire.prompt("t-1", "cnry-00000000a1"));
        s.at(2 * SECOND, "alice", Direction.IN, Wire.event("agent_started", Wire.run("t-1", 1)).user("alice"));
        s.at(3 * SECOND, "alice", Direction.IN, Wire.event("agent_completed", Wire.run("t-1", 1)).user("alice"));
        assertThat(s.liveAt(60 * SECOND)).isEmpty();
        assertThat(s.offline()).isEmpty();
    }

    @Test
    void aRunOfAnotherThreadDoesNotAnswerButARunWithoutThreadDoes() {
        Stamped s = new Stamped();
        s.at(SECOND, "alice", Direction.OUT, Wire.prompt("t-1", "cnry-00000000a1"));
        s.at(2 * SECOND, "alice", Direction.OUT, Wire.prompt("t-2", "cnry-00000000a2"));
        // a run of thread t-2 answers the t-2 prompt, not the older t-1 one
        s.at(3 * SECOND, "alice", Direction.IN, Wire.event("agent_started", Wire.run("t-2", 1)).user("alice"));
        s.at(4 * SECOND, "alice", Direction.IN, Wire.event("agent_completed", Wire.run("t-2", 1)).user("alice"));
        assertThat(s.liveAt(16 * SECOND)).singleElement().asString()
                .startsWith("prompt-unanswered alice prompt user_message (frame 0, thread t-1)");

        Stamped ids = new Stamped();
        ids.at(SECOND, "bob", Direction.OUT, Wire.prompt("t-9", "cnry-00000000b1"));
        // execution ids hold no thread: the next own run start answers the prompt
        ids.at(2 * SECOND, "bob", Direction.IN, Wire.event("agent_started", "execution_1_0badc0de").user("bob"));
        ids.at(3 * SECOND, "bob", Direction.IN, Wire.event("agent_completed", "execution_1_0badc0de").user("bob"));
        assertThat(ids.liveAt(60 * SECOND)).isEmpty();
    }

    @Test
    void aSocketClosingFirstLeavesThePromptUnanswered() {
        Stamped s = new Stamped();
        s.event(0, "bob", LaneEvent.Kind.CONNECTED, 101, "ws://test/ws");
        s.at(SECOND, "bob", Direction.OUT, Wire.prompt("t-1", "cnry-00000000b1"));
        ObjectNode error = JSON.createObjectNode().put("type", "error_message");
        error.putObject("data").put("error_code", "INTERNAL").put("error_message", "main cleanup failed");
        s.at(2 * SECOND, "bob", Direction.IN, error);
        s.event(3 * SECOND, "bob", LaneEvent.Kind.CLOSED, 1000, "main cleanup");
        List<String> expected = List.of(
                "server-error bob the server sent error_message INTERNAL: main cleanup failed",
                "disconnect bob the socket closed (code 1000): main cleanup",
                "prompt-unanswered bob prompt user_message (frame 0, thread t-1) started no run; the socket closed "
                        + "(code 1000): main cleanup");
        assertThat(s.liveAt(3 * SECOND)).containsExactlyElementsOf(expected);
        assertThat(s.offline()).containsExactlyElementsOf(expected);
    }

    @Test
    void givingUpLeavesWaitingPromptsUnansweredAndAnOrdinaryEndDoesNot() {
        Stamped s = new Stamped();
        s.at(SECOND, "alice", Direction.OUT, Wire.prompt("t-1", "cnry-00000000a1"));
        s.live.finish(2 * SECOND);
        assertThat(keys(s.live.findings())).isEmpty();
        assertThat(s.live.waitingPrompts()).isEqualTo(1);

        Stamped gaveUp = new Stamped();
        gaveUp.at(SECOND, "alice", Direction.OUT, Wire.prompt("t-1", "cnry-00000000a1"));
        gaveUp.closed(2 * SECOND, "alice", LaneEvent.ClosedBy.INSPECTOR_GAVE_UP);
        assertThat(gaveUp.offline()).singleElement().asString()
                .endsWith("had started no run when the recording gave up waiting");
    }

    @Test
    void theAnswerTimeoutIsConfigurable() {
        Stamped s = new Stamped();
        s.at(SECOND, "alice", Direction.OUT, Wire.prompt("t-1", "cnry-00000000a1"));
        Analyzer quick = Analyzer.create(Profile.load("netra"),
                RuleConfig.defaults().withAnswerTimeout(Duration.ofSeconds(2)), null);
        SessionReplay.replay(s.session, quick);
        quick.tick(3 * SECOND);
        assertThat(keys(quick.findings())).singleElement().asString().contains("started no run within 2 s");
    }

    @Test
    void anErrorFrameWithoutCodeStillSaysWhatCame() {
        Stamped s = new Stamped();
        s.at(SECOND, "alice", Direction.IN, JSON.createObjectNode().put("type", "error").put("message", "bad input"));
        assertThat(s.liveAt(SECOND)).containsExactly("server-error alice the server sent error: bad input");
    }
}
