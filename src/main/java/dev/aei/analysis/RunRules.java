package dev.aei.analysis;

import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.EventRole;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The per-run ordering rules, in receive order: {@code first-event}, {@code duplicate-start},
 * {@code after-completion}, {@code tool-unmatched}, {@code tool-unfinished} and
 * {@code run-incomplete}. Fed only the lane's own runs, without redelivered duplicates.
 * Events without a run id (AG-UI text and tool events, most netra events) belong to the lane's open run.
 */
final class RunRules {
    private final FindingLog log;
    private final long timeoutNanos;
    private final String timeoutText;
    private final RoleNames names;
    private final Map<String, LaneRuns> lanes = new HashMap<>();
    /** Runs not ended yet, oldest first, so timeouts are found from the head. */
    private final LinkedHashMap<RunState, RunState> open = new LinkedHashMap<>();

    RunRules(FindingLog log, Duration timeout, RoleNames names) {
        this.log = log;
        this.timeoutNanos = timeout.toNanos();
        this.timeoutText = Durations.human(timeout);
        this.names = names;
    }

    /** A run seen on one lane. */
    private static final class RunState {
        final String lane;
        final String runId;
        final int firstFrame;
        final long firstNanos;
        int lastFrame;
        boolean started;
        boolean ended;
        boolean afterReported;
        int startFrame = -1;
        int endFrame;
        String endType;
        /** Tool calls not ended yet; null while there are none, and once the run has ended (runs are kept). */
        List<OpenTool> tools;

        List<OpenTool> openTools() {
            return tools == null ? List.of() : tools;
        }

        /** "run r-1", or for a run whose events carry no run id, where it began. */
        String label() {
            return runId != null ? "run " + runId : "the run without a run id from frame " + firstFrame;
        }

        RunState(String lane, String runId, int frame, long nanos) {
            this.lane = lane;
            this.runId = runId;
            this.firstFrame = frame;
            this.lastFrame = frame;
            this.firstNanos = nanos;
        }
    }

    private record OpenTool(String callId, String name, int frame) {
        String label() {
            return (name == null ? "a tool" : name) + (callId == null ? "" : " (call " + callId + ")");
        }
    }

    private static final class LaneRuns {
        final Map<String, RunState> runs = new HashMap<>();
        RunState latest;

        /** The run events without a run id belong to: the latest, while it is open. */
        RunState openRun() {
            return latest == null || latest.ended ? null : latest;
        }
    }

    /**
     * Orders one event of the lane's own runs; true when it began a run. An event without a run id
     * belongs to the lane's open run; with none open it begins one (and is its first event), unless
     * it is no step of a run's life cycle ({@code other}).
     */
    boolean accept(AgentEvent e) {
        LaneRuns lane = lanes.computeIfAbsent(e.lane(), k -> new LaneRuns());
        RunState run = e.runId() != null ? lane.runs.get(e.runId()) : lane.openRun();
        boolean began = false;
        if (run == null) {
            if (e.runId() == null && e.role() == EventRole.OTHER) {
                return false; // a loose partial result or report: nothing to order it against
            }
            run = new RunState(e.lane(), e.runId(), e.frame(), e.nanos());
            if (e.runId() != null) {
                lane.runs.put(e.runId(), run);
                RunState loose = lane.openRun();
                if (loose != null && loose.runId == null) {
                    open.remove(loose); // runless events just before a run's start were its beginning
                }
            }
            open.put(run, run);
            began = true;
            if (e.role() != EventRole.STARTED) {
                log.raise(Rule.FIRST_EVENT, e.lane(), e.runId(), run.label() + " began with " + e.type()
                        + ", not " + names.of(EventRole.STARTED), List.of(e.frame()));
            }
        }
        if (began || e.role() == EventRole.STARTED || e.runId() != null) {
            lane.latest = run;
        }
        if (run.ended) {
            afterEnd(run, e);
            return began;
        }
        run.lastFrame = e.frame();
        switch (e.role()) {
            case STARTED -> started(run, e);
            case TOOL_START -> toolStarted(run, e);
            case TOOL_END -> toolEnded(run, e);
            case COMPLETED, ERROR -> ended(run, e);
            default -> { }
        }
        return began;
    }

    private void started(RunState run, AgentEvent e) {
        if (run.started) {
            log.raise(Rule.DUPLICATE_START, e.lane(), run.runId, run.label() + " started twice (frames "
                    + run.startFrame + " and " + e.frame() + ")", List.of(run.startFrame, e.frame()));
            return;
        }
        run.started = true;
        run.startFrame = e.frame();
    }

    private static void toolStarted(RunState run, AgentEvent e) {
        if (run.tools == null) {
            run.tools = new ArrayList<>(2);
        }
        run.tools.add(new OpenTool(e.toolCallId(), e.toolName(), e.frame()));
    }

    private void toolEnded(RunState run, AgentEvent e) {
        int match = matchingTool(run.openTools(), e);
        if (match >= 0) {
            run.tools.remove(match);
            return;
        }
        OpenTool ended = new OpenTool(e.toolCallId(), e.toolName(), e.frame());
        log.raise(Rule.TOOL_UNMATCHED, e.lane(), run.runId, e.type() + " for " + ended.label() + " in "
                + run.label() + " has no open " + names.of(EventRole.TOOL_START), List.of(e.frame()));
    }

    /** The open tool call an end pairs with: by call id, else (ids missing on a side) by name in order; or -1. */
    private static int matchingTool(List<OpenTool> tools, AgentEvent e) {
        if (e.toolCallId() != null) {
            for (int i = 0; i < tools.size(); i++) {
                if (e.toolCallId().equals(tools.get(i).callId())) {
                    return i;
                }
            }
        }
        for (int i = 0; i < tools.size(); i++) {
            OpenTool t = tools.get(i);
            if ((t.callId() == null || e.toolCallId() == null) && (e.toolName() == null || e.toolName().equals(t.name()))) {
                return i;
            }
        }
        return -1;
    }

    private void ended(RunState run, AgentEvent e) {
        run.ended = true;
        run.endFrame = e.frame();
        run.endType = e.type();
        open.remove(run);
        List<OpenTool> tools = run.openTools();
        if (e.role() == EventRole.COMPLETED && !tools.isEmpty()) {
            List<Integer> frames = new ArrayList<>();
            tools.forEach(t -> frames.add(t.frame()));
            frames.add(e.frame());
            log.raise(Rule.TOOL_UNFINISHED, e.lane(), run.runId, run.label() + " completed while "
                    + String.join(", ", tools.stream().map(OpenTool::label).toList())
                    + (tools.size() == 1 ? " was" : " were") + " still running", frames);
        }
        run.tools = null; // ended runs are kept for after-completion; their tool list is not
    }

    private void afterEnd(RunState run, AgentEvent e) {
        if (run.afterReported) {
            return;
        }
        run.afterReported = true;
        log.raise(Rule.AFTER_COMPLETION, e.lane(), run.runId, e.type() + " arrived after " + run.label()
                + " had ended with " + run.endType + " (frame " + run.endFrame + ")", List.of(run.endFrame, e.frame()));
    }

    /** Reports the runs whose time ran out by {@code nanos}. */
    void tick(long nanos) {
        for (Iterator<RunState> it = open.keySet().iterator(); it.hasNext(); ) {
            RunState run = it.next();
            if (nanos - run.firstNanos < timeoutNanos) {
                return;
            }
            it.remove();
            incomplete(run, run.label() + " did not complete within " + timeoutText);
        }
    }

    /** The lane's socket went away ({@code why}, e.g. "the socket closed (1006)"): its open runs cannot complete. */
    void connectionLost(String lane, String why) {
        closeOpen(run -> run.lane.equals(lane), run -> why + " before " + run.label() + " completed");
    }

    /** Reports the lane's open runs: the recording stopped waiting for them. */
    void gaveUp(String lane) {
        closeOpen(run -> run.lane.equals(lane), run -> run.label() + " had not completed when the recording "
                + "gave up waiting for it");
    }

    /** Reports every run still open as the capture ends. */
    void abandonAll() {
        closeOpen(run -> true, run -> run.label() + " had not completed when the capture ended");
    }

    private void closeOpen(Predicate<RunState> which, Function<RunState, String> message) {
        for (Iterator<RunState> it = open.keySet().iterator(); it.hasNext(); ) {
            RunState run = it.next();
            if (which.test(run)) {
                it.remove();
                incomplete(run, message.apply(run));
            }
        }
    }

    private void incomplete(RunState run, String message) {
        log.raise(Rule.RUN_INCOMPLETE, run.lane, run.runId, message,
                run.firstFrame == run.lastFrame ? List.of(run.firstFrame) : List.of(run.firstFrame, run.lastFrame));
    }

    /** Runs that have not ended, oldest first. */
    List<Analyzer.OpenRun> openRuns() {
        return open.keySet().stream().map(r -> new Analyzer.OpenRun(r.lane, r.runId, r.firstFrame)).toList();
    }
}
