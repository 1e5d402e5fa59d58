package dev.aei.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.capture.CaptureClock;
import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.LaneEvent;
import dev.aei.capture.Session;
import dev.aei.capture.SessionInfo;
import dev.aei.protocol.Profile;
import dev.aei.testing.ManualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionReplayTest {
    /** The frames here are in the backend's shape; the client contract has its own tests. */
    private static final RuleConfig CONFIG = RuleConfig.defaults().withRunTimeout(Duration.ofMillis(30))
            .without(Rule.CONTRACT_FIELD, Rule.CONTRACT_END);

    @Test
    void offlineGivesTheSameFindingsAsLive() throws Exception {
        ManualTime time = new ManualTime();
        Capture live = new Capture("netra", CONFIG, time.clock());
        live.connect("alice", "bob");
        live.prompt("alice", "t-alice-1", "cnry-00000000a1");
        live.prompt("bob", "t-bob-1", "cnry-00000000b0");
        String bobRun = Wire.run("t-bob-1", 1);
        live.in("bob", Wire.event("agent_started", bobRun).user("bob").seq(1).at(Instant.now()));
        live.in("alice", Wire.event("agent_thinking", bobRun).user("bob").seq(1).data("reasoning", "[cnry-00000000b0]"));
        live.in("bob", Wire.event("agent_thinking", bobRun).user("bob").seq(4));
        live.in("alice", "not json");
        time.advance(Duration.ofMillis(40)); // the run outlives its 30 ms timeout on the capture clock
        live.analyzer.tick(live.session.clock().next());
        live.in("bob", Wire.event("agent_completed", bobRun).user("bob").seq(5));
        live.event("alice", LaneEvent.Kind.CLOSED, 1006, "closed by the server");
        live.closedByInspector("bob");
        live.analyzer.finish(live.session.clock().next());

        List<String> offline = SessionReplay.analyze(live.session, Analyzer.create(Profile.load("netra"), CONFIG, null))
                .stream().map(Capture::key).toList();
        assertThat(live.found()).containsExactlyInAnyOrder("leak-owner alice " + bobRun, "malformed-frame alice null",
                "run-incomplete bob " + bobRun, "seq-gap bob " + bobRun, "disconnect alice null",
                "prompt-unanswered alice null"); // alice's prompt started nothing before her socket closed
        assertThat(offline).containsExactlyInAnyOrderElementsOf(live.found());
    }

    @Test
    void attachingLateCatchesUpWithoutLosingOrRepeatingFrames() {
        Capture c = new Capture();
        c.connect("alice");
        c.in("alice", "garbage 1");
        Analyzer late = Analyzer.create(Profile.load("netra"), RuleConfig.defaults(), null);
        Session session = c.session;
        SessionReplay.attach(session, late);
        c.in("alice", "garbage 2");
        assertThat(late.findings()).extracting(Finding::frames).containsExactly(List.of(0), List.of(1));
    }

    @Test
    void framesOutOfStampOrderAreReplayedInStampOrder() {
        Session session = new Session(new SessionInfo("ws://test/ws", "header", "netra", 0), new CaptureClock());
        Lane alice = session.addLane("alice", java.util.Map.of());
        for (long nanos : new long[] {30, 10, 20}) { // a hand-edited file: the lane's frames are not in order
            session.restore(alice, Frame.text(0, Direction.IN, nanos, 0, "not json " + nanos));
        }
        List<Finding> findings = SessionReplay.analyze(session, Analyzer.create(Profile.load("netra"),
                RuleConfig.defaults(), null));
        assertThat(findings).extracting(Finding::frames).containsExactly(List.of(1), List.of(2), List.of(0));
    }

    @Test
    void aLargeSessionDecodedAheadGivesTheFindingsOfOneFrameAtATime() {
        Session session = new Session(new SessionInfo("ws://test/ws", "header", "netra", 0), new CaptureClock());
        int lanes = 12;
        List<Lane> all = new java.util.ArrayList<>();
        for (int l = 0; l < lanes; l++) {
            all.add(session.addLane("user" + l, java.util.Map.of()));
            session.restore(all.get(l), new LaneEvent(LaneEvent.Kind.CONNECTED, l, 0, 101, "test"));
        }
        long nanos = 100;
        for (int run = 1; run <= 100; run++) { // 12,000 frames: enough for the threaded replay
            for (int step = 0; step < 10; step++) {
                for (int l = 0; l < lanes; l++) {
                    String thread = "t-user" + l + "-" + run;
                    String runId = Wire.run(thread, run);
                    String text = step == 0 ? Wire.prompt(thread, String.format("cnry-%05x%05x", l, run))
                            : step == 9 ? Wire.event("agent_completed", runId).user("user" + l).seq(run * 10 + step).text()
                            : Wire.event("agent_thinking", runId).user("user" + l).seq(run * 10 + step)
                                    .data("reasoning", "[" + String.format("cnry-%05x%05x", l, run) + "]").text();
                    if (l == 3 && run == 50 && step == 4) {
                        text = "{\"type\":\"agent_thinking\"} trailing"; // malformed
                    } else if (l == 5 && run == 60 && step == 5) { // a leak of user6's run
                        text = Wire.event("agent_thinking", Wire.run("t-user6-60", 60)).user("user6").seq(run * 10 + step)
                                .text();
                    } else if (l == 7 && run == 70 && step == 3) {
                        continue; // a seq gap
                    }
                    session.restore(all.get(l), Frame.text(0, step == 0 ? Direction.OUT : Direction.IN, nanos += 50_000,
                            0, text));
                }
            }
        }
        assertThat(session.frameCount()).isGreaterThan(DecodeAhead.THREADED_FROM);
        Analyzer oneByOne = Analyzer.create(Profile.load("netra"), CONFIG, null);
        oneByOne.finish(SessionReplay.replay(session, oneByOne));
        Analyzer ahead = Analyzer.create(Profile.load("netra"), CONFIG, null);
        List<DecodedEventsSeen> seen = new java.util.ArrayList<>();
        ahead.addDecodedListener((lane, frame, events) -> seen.add(new DecodedEventsSeen(lane.id(), frame.index(),
                events.size())));

        List<Finding> findings = SessionReplay.analyze(session, ahead);

        assertThat(findings).map(Capture::key).contains("malformed-frame user3 null", "seq-gap user7 "
                + Wire.run("t-user7-70", 70)).anyMatch(k -> k.startsWith("leak-"));
        assertThat(findings).isEqualTo(oneByOne.findings());
        assertThat(ahead.decoder().decodedFrames()).as("each frame decoded once").isEqualTo(session.frameCount());
        assertThat(ahead.decoder().treesBuilt()).as("trees only to word findings about frames that are no object")
                .isLessThanOrEqualTo(2);
        assertThat(seen).as("the listeners see every frame, in stamp order, on this thread").hasSize(
                (int) session.frameCount());
    }

    private record DecodedEventsSeen(String lane, int frame, int events) {
    }
}
