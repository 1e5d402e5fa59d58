package dev.aei.ui.timeline;

import dev.aei.analysis.Finding;
import dev.aei.analysis.Severity;
import dev.aei.capture.CaptureClock;
import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.LaneEvent;
import dev.aei.capture.Session;
import dev.aei.capture.SessionInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A realistic capture for tests and screenshots: alice and bob each ask the netra agent a
 * question at the same instant; bob also receives one of alice's events (a leak); carol's
 * sign-in is refused. Frames are real netra JSON appended to a real {@link Session} at
 * chosen times so the picture does not depend on the machine's speed.
 */
final class DemoSession {
    /** 10:00:00 UTC on a fixed day: session-clock zero. */
    static final long ORIGIN_WALL_MILLIS = Instant.parse("2026-01-08T10:00:00Z").toEpochMilli();
    static final long MS = 1_000_000L;

    final Session session;
    final List<Finding> findings = new ArrayList<>();
    private final Map<String, Integer> seqs = new HashMap<>();
    private final List<Pending> pending = new ArrayList<>();

    DemoSession() {
        session = new Session(new SessionInfo("ws://localhost:8765/ws", "header", "netra", ORIGIN_WALL_MILLIS),
                new CaptureClock());
    }

    /** Fills the session; returns this. */
    DemoSession build() {
        Lane alice = session.addLane("alice", Map.of("email", "alice@example.com"));
        Lane bob = session.addLane("bob", Map.of("email", "bob@example.com"));
        Lane carol = session.addLane("carol", Map.of("email", "carol@example.com"));
        connect(alice, 40);
        connect(bob, 55);
        event(carol, LaneEvent.Kind.CONNECTING, 30, 0, "ws://localhost:8765/ws");
        event(carol, LaneEvent.Kind.FAILED, 210, 401, "Unauthorized");
        String aliceRun = "run_t-alice-1_04211_9f3a6c2e";
        String bobRun = "run_t-bob-1_04212_51c0d7aa";
        prompt(alice, 1_000, "t-alice-1", "Compare Q3 cloud costs by team [cnry-3fa91c02be]");
        prompt(bob, 1_000, "t-bob-1", "What is 17% of our travel budget? [cnry-8d02e4f1a9]");
        run(alice, aliceRun, 1_180, "search_docs", "cost_optimizer", 2_900);
        run(bob, bobRun, 1_240, "calculator", "finance_helper", 900);
        in(bob, 2_630, json("agent_thinking", aliceRun, "alice", seqs.merge("bob", 1, Integer::sum),
                ",\"data\":{\"reasoning\":\"Grouping Compare Q3 cloud costs by team [cnry-3fa91c02be]\",\"step_number\":2}"));
        in(alice, 5_200, "{\"type\":\"heartbeat\"}");
        in(bob, 5_210, "{\"type\":\"heartbeat\"}");
        pending.sort(Comparator.comparingLong(Pending::atMs));
        pending.forEach(Pending::restore);
        int leak = indexOf(bob, aliceRun);
        findings.add(new Finding("leak-foreign-run", Severity.CRITICAL, "bob", aliceRun,
                "bob received an event of alice's run " + aliceRun, List.of(leak), bob.frames().get(leak).nanos()));
        return this;
    }

    private void connect(Lane lane, long atMs) {
        event(lane, LaneEvent.Kind.CONNECTING, atMs - 25, 0, "ws://localhost:8765/ws");
        event(lane, LaneEvent.Kind.CONNECTED, atMs, 101, "");
        in(lane, atMs + 8, "{\"type\":\"connection_established\",\"seq\":" + seqs.merge(lane.id(), 1, Integer::sum)
                + ",\"data\":{\"user_id\":\"" + lane.id() + "\",\"connection_id\":\"conn-" + lane.id() + "\"}}");
    }

    /** One agent run: started, thoughts, a tool call, more thought, completed. */
    private void run(Lane lane, String runId, long startMs, String tool, String agent, long toolMs) {
        String user = lane.id();
        long t = startMs;
        in(lane, t, json("agent_started", runId, user, seq(user),
                ",\"agent_name\":\"" + agent + "\",\"data\":{\"status\":\"started\",\"message\":\"" + agent + " has started\"}"));
        t += 320;
        in(lane, t, thinking(runId, user, 1, "Reading the request"));
        t += 410;
        in(lane, t, thinking(runId, user, 2, "Choosing a tool"));
        t += 260;
        String callId = "call-" + user + "-1";
        in(lane, t, json("tool_executing", runId, user, seq(user), ",\"tool_name\":\"" + tool
                + "\",\"tool_call_id\":\"" + callId + "\",\"data\":{\"parameters\":{\"query\":\"Q3\"}}"));
        t += toolMs;
        in(lane, t, json("tool_completed", runId, user, seq(user), ",\"tool_name\":\"" + tool
                + "\",\"tool_call_id\":\"" + callId + "\",\"results\":{\"rows\":12},\"data\":{\"execution_time_ms\":"
                + toolMs + ",\"status\":\"success\"}"));
        t += 380;
        in(lane, t, thinking(runId, user, 3, "Summarising the results"));
        t += 520;
        in(lane, t, thinking(runId, user, 4, "Writing the answer"));
        t += 450;
        in(lane, t, json("agent_completed", runId, user, seq(user),
                ",\"data\":{\"status\":\"completed\",\"result\":\"done\",\"execution_time_ms\":" + (t - startMs) + "}"));
    }

    private String thinking(String runId, String user, int step, String reasoning) {
        return json("agent_thinking", runId, user, seq(user),
                ",\"data\":{\"reasoning\":\"" + reasoning + "\",\"step_number\":" + step + "}");
    }

    private int seq(String user) {
        return seqs.merge(user, 1, Integer::sum);
    }

    private static String json(String type, String runId, String user, int seq, String rest) {
        return "{\"type\":\"" + type + "\",\"run_id\":\"" + runId + "\",\"user_id\":\"" + user
                + "\",\"timestamp\":\"2026-01-08T10:00:00.123+00:00\",\"seq\":" + seq + rest + "}";
    }

    private void prompt(Lane lane, long atMs, String thread, String content) {
        append(lane, Direction.OUT, atMs, "{\"type\":\"user_message\",\"payload\":{\"content\":\"" + content
                + "\",\"thread_id\":\"" + thread + "\"}}");
    }

    private void in(Lane lane, long atMs, String text) {
        append(lane, Direction.IN, atMs, text);
    }

    private void append(Lane lane, Direction direction, long atMs, String text) {
        pending.add(new Pending(atMs, () -> session.restore(lane,
                Frame.text(lane.frames().size(), direction, atMs * MS, ORIGIN_WALL_MILLIS + atMs, text))));
    }

    private void event(Lane lane, LaneEvent.Kind kind, long atMs, int code, String detail) {
        pending.add(new Pending(atMs, () -> session.restore(lane,
                new LaneEvent(kind, atMs * MS, ORIGIN_WALL_MILLIS + atMs, code, detail))));
    }

    private static int indexOf(Lane lane, String fragment) {
        for (Frame frame : lane.frames()) {
            if (frame.text() != null && frame.text().contains(fragment)) {
                return frame.index();
            }
        }
        throw new IllegalStateException(fragment + " not on lane " + lane.id());
    }

    /** Something to append at a time; appended in time order, as a live capture would. */
    private record Pending(long atMs, Runnable append) {
        void restore() {
            append.run();
        }
    }
}
