package dev.aei.analysis;

import dev.aei.capture.CaptureClock;
import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.LaneEvent;
import dev.aei.capture.Session;
import dev.aei.capture.SessionInfo;
import dev.aei.testing.ManualTime;
import dev.aei.protocol.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real session with a live analyzer attached, fed by hand-written frames. The client contract
 * rules are off unless a test asks for them ({@link #withContract}): the frames here are written in
 * the backend's own shape (a root {@code tool_name}, no {@code final_report}), which every other
 * rule's tests take as given.
 */
final class Capture {
    final Session session;
    final Analyzer analyzer;
    final List<Finding> sunk = new ArrayList<>();

    Capture() {
        this("netra", RuleConfig.defaults());
    }

    Capture(String profile, RuleConfig config) {
        this(profile, config, new CaptureClock());
    }

    /** A capture stamped by {@code clock}: a {@link ManualTime} clock lets a test move time by hand. */
    Capture(String profile, RuleConfig config, CaptureClock clock) {
        this(Profile.load(profile), config.without(Rule.CONTRACT_FIELD, Rule.CONTRACT_END), clock);
    }

    /** A capture read with a profile built in the test; contract rules off, as for the named profiles. */
    Capture(Profile profile, RuleConfig config, CaptureClock clock) {
        this(profile, config.without(Rule.CONTRACT_FIELD, Rule.CONTRACT_END), clock, true);
    }

    /** Reads with exactly {@code config}; the flag only tells this constructor apart from the one above. */
    private Capture(Profile profile, RuleConfig config, CaptureClock clock, boolean asGiven) {
        session = new Session(new SessionInfo("ws://test/ws", "header", profile.name(), clock.originWallMillis()), clock);
        analyzer = Analyzer.create(profile, config, sunk::add);
        session.addListener(analyzer);
    }

    /** A capture read with {@code profile} and every rule, the client contract's included. */
    static Capture withContract(Profile profile, CaptureClock clock) {
        return new Capture(profile, RuleConfig.defaults(), clock, true);
    }

    Lane lane(String id) {
        Lane lane = session.lane(id);
        return lane != null ? lane : session.addLane(id, Map.of());
    }

    /** Adds a lane that is one more connection (tab) of a user, e.g. {@code alice #2} of alice. */
    Lane tab(String laneId, String userId) {
        return session.addLane(laneId, userId, Map.of());
    }

    /** The lane connects. */
    Capture connect(String... ids) {
        for (String id : ids) {
            session.appendEvent(lane(id), LaneEvent.Kind.CONNECTED, 101, "ws://test/ws");
        }
        return this;
    }

    /** The lane sends a prompt opening {@code thread} with canary {@code marker}. */
    Frame prompt(String lane, String thread, String marker) {
        return session.appendText(lane(lane), Direction.OUT, Wire.prompt(thread, marker));
    }

    Frame in(String lane, Object text) {
        return session.appendText(lane(lane), Direction.IN, text.toString());
    }

    void event(String lane, LaneEvent.Kind kind, int code, String detail) {
        session.appendEvent(lane(lane), kind, code, detail);
    }

    /** The inspector closes the lane's socket, as it does when its user is done. */
    void closedByInspector(String lane) {
        session.appendEvent(lane(lane), LaneEvent.Kind.CLOSED, 1000, "inspector disconnected (closed by the inspector)",
                LaneEvent.ClosedBy.INSPECTOR);
    }

    /** A complete healthy run with one tool call. */
    void cleanRun(String lane, String run, String marker) {
        String user = lane(lane).userId();
        in(lane, Wire.event("agent_started", run).user(user).data("message", "started: [" + marker + "]"));
        in(lane, Wire.event("agent_thinking", run).user(user).data("reasoning", "about [" + marker + "]"));
        in(lane, Wire.event("tool_executing", run).user(user).tool("calc", null));
        in(lane, Wire.event("tool_completed", run).user(user).tool("calc", null));
        in(lane, Wire.event("agent_completed", run).user(user));
    }

    /** "rule lane run" for each finding, in raise order. */
    List<String> found() {
        return analyzer.findings().stream().map(Capture::key).toList();
    }

    static String key(Finding f) {
        return f.rule() + " " + f.lane() + " " + f.runId();
    }

    Finding only(String rule) {
        List<Finding> matching = analyzer.findings().stream().filter(f -> f.rule().equals(rule)).toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one " + rule + " but got " + analyzer.findings());
        }
        return matching.get(0);
    }

    void finish(boolean openRunsIncomplete) {
        analyzer.finish(session.clock().next(), openRunsIncomplete);
    }
}
