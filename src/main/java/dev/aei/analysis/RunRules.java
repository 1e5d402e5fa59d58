package dev.aei.analysis;

import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.EventRole;
import dev.aei.protocol.Grammar;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The per-run ordering rules, in receive order: {@code first-event}, {@code duplicate-start},
 * {@code run-overlap}, {@code after-completion} and {@code run-incomplete}, and the profile's pairs
 * ({@link PairRules}: tool calls, text messages, steps…). Fed only the lane's own runs, without
 * redelivered duplicates. Events without a run id (AG-UI text and tool events, most netra events)
 * belong to the lane's open run.
 */
final class RunRules {
    private final FindingLog log;
    private final long timeoutNanos;
    private final String timeoutText;
    private final RoleNames names;
    private final Grammar.Runs switches;
    private final PairRules pairs;
    private final Map<String, LaneRuns> lanes = new HashMap<>();
    /** Runs not ended yet, oldest first, so timeouts are found from the head. */
    private final LinkedHashMap<RunState, RunState> open = new LinkedHashMap<>();

    RunRules(FindingLog log, Duration timeout, RoleNames names, Grammar grammar) {
        this.log = log;
        this.timeoutNanos = timeout.toNanos();
        this.timeoutText = Durations.human(timeout);
        this.names = names;
        this.switches = grammar.runs();
        this.pairs = new PairRules(log, grammar);
    }

    /** A run seen on one lane. */
    private static final class RunState implements PairRules.Run {
        final String lane;
        /** Set late only for a run whose first events came before its start (one run at a time). */
        String runId;
        final int firstFrame;
        final long firstNanos;
        int lastFrame;
        boolean started;
        boolean ended;
        /** Ended with its completed event (not an error). */
        boolean completed;
        /** An {@code after_end} event came after it ended. */
        boolean afterUsed;
        boolean afterReported;
        int startFrame = -1;
        int endFrame;
        String endType;
        /** Pairs not closed yet; null before the first opens, and once the run has ended (runs are kept). */
        List<PairRules.Open> pairs;

        /** "run r-1", or for a run whose events carry no run id, where it began. */
        @Override
        public String label() {
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

    private static final class LaneRuns {
        final Map<String, RunState> runs = new HashMap<>();
        RunState latest;

        /**
         * The run with this id, or null. The latest run is the one almost every event names: that
         * case needs no map look-up. Each decoding thread shares one copy of a run id between the
         * events it reads, so the identity check mostly decides; a run's events decoded on two
         * threads carry two copies.
         */
        RunState byId(String runId) {
            RunState last = latest;
            return last != null && (last.runId == runId || runId.equals(last.runId)) ? last : runs.get(runId);
        }

        /** The run events without a run id belong to: the latest, while it is open. */
        RunState openRun() {
            return latest == null || latest.ended ? null : latest;
        }
    }

    /**
     * Orders one event of the lane's own runs; true when it began a run. An event without a run id
     * belongs to the lane's open run; with none open it begins one (and is its first event), unless
     * it is no step of a run's life cycle ({@code other}). With one run at a time, see {@link #serial}.
     */
    boolean accept(AgentEvent e) {
        LaneRuns lane = lanes.computeIfAbsent(e.lane(), k -> new LaneRuns());
        if (switches.oneAtATime()) {
            return serial(lane, e);
        }
        return byRunId(lane, e);
    }

    /** Runs told apart by their run ids; several may be open at once. */
    private boolean byRunId(LaneRuns lane, AgentEvent e) {
        RunState run = e.runId() != null ? lane.byId(e.runId()) : lane.openRun();
        boolean began = false;
        if (run == null) {
            if (e.runId() == null && e.role() == EventRole.OTHER) {
                return false; // a loose partial result or report: nothing to order it against
            }
            run = begin(lane, e);
            began = true;
        }
        if (began || e.role() == EventRole.STARTED || e.runId() != null) {
            lane.latest = run;
        }
        step(run, e);
        return began;
    }

    /**
     * One run at a time: every event belongs to the lane's open run whatever run id it carries
     * (an end event's id still names its run when the profile checks it). A start while a run is
     * open is {@code run-overlap} (or {@code duplicate-start} for the same id); any other event
     * with no run open is {@code after-completion} of the latest run, or begins a run without its
     * start ({@code first-event}) before the first; the profile's {@code after_end} types may come
     * once after a run completed, or before the first run.
     */
    private boolean serial(LaneRuns lane, AgentEvent e) {
        RunState run = lane.openRun();
        if (run != null && e.role().endsRun() && switches.endRunIdChecked() && e.runId() != null
                && run.runId != null && !run.runId.equals(e.runId())) {
            // It names another run: judged as that run's event, the open run stays the lane's.
            RunState named = lane.byId(e.runId());
            boolean began = named == null;
            step(began ? begin(lane, e) : named, e);
            return began;
        }
        if (e.role() == EventRole.STARTED) {
            if (run == null) {
                lane.latest = begin(lane, e);
                step(lane.latest, e);
                return true;
            }
            if (!run.started && run.runId == null) {
                adopt(lane, run, e); // the start of a run whose first events came before it
            } else if (Objects.equals(run.runId, e.runId())) {
                started(run, e);
            } else {
                log.raise(Rule.RUN_OVERLAP, e.lane(), e.runId(), e.type() + (e.runId() == null ? "" : " of run "
                        + e.runId()) + " arrived while " + run.label() + " was still open (since frame "
                        + run.firstFrame + ")", List.of(run.firstFrame, e.frame()));
            }
            return false;
        }
        if (run == null) {
            RunState last = lane.latest;
            if (switches.afterEnd().contains(e.type()) && (last == null || !last.afterUsed && last.completed)) {
                lane.latest = last == null ? closedBefore(e) : last;
                lane.latest.afterUsed = true;
                lane.latest.endType = e.type();
                lane.latest.endFrame = e.frame();
                return false;
            }
            if (last != null) {
                afterEnd(last, e);
                return false;
            }
            lane.latest = begin(lane, e);
            step(lane.latest, e);
            return true;
        }
        step(run, e);
        return false;
    }

    /** A run that begins with this event; {@code first-event} unless it is a start. */
    private RunState begin(LaneRuns lane, AgentEvent e) {
        RunState run = new RunState(e.lane(), e.runId(), e.frame(), e.nanos());
        if (e.runId() != null) {
            lane.runs.put(e.runId(), run);
            RunState loose = lane.openRun();
            if (loose != null && loose.runId == null) {
                open.remove(loose); // runless events just before a run's start were its beginning
            }
        }
        open.put(run, run);
        if (e.role() != EventRole.STARTED) {
            log.raise(Rule.FIRST_EVENT, e.lane(), e.runId(), run.label() + " began with " + e.type()
                    + ", not " + names.of(EventRole.STARTED), List.of(e.frame()));
        }
        return run;
    }

    /** A run whose first events came without a run id gets its start, and the start's run id. */
    private void adopt(LaneRuns lane, RunState run, AgentEvent e) {
        run.runId = e.runId();
        if (e.runId() != null) {
            lane.runs.put(e.runId(), run);
        }
        step(run, e);
    }

    /** The state left by an {@code after_end} event before any run: nothing more may follow but a start. */
    private static RunState closedBefore(AgentEvent e) {
        RunState none = new RunState(e.lane(), null, e.frame(), e.nanos());
        none.ended = true;
        return none;
    }

    /** One event of a known run: its life cycle and its pairs. */
    private void step(RunState run, AgentEvent e) {
        if (run.ended) {
            afterEnd(run, e);
            return;
        }
        run.lastFrame = e.frame();
        Grammar.Member member = e.pair();
        if (member != null) {
            run.pairs = pairs.accept(run.pairs, member, e, run.runId, run);
        }
        switch (e.role()) {
            case STARTED -> started(run, e);
            case COMPLETED, ERROR -> ended(run, e);
            default -> { }
        }
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

    private void ended(RunState run, AgentEvent e) {
        run.ended = true;
        run.completed = e.role() == EventRole.COMPLETED;
        run.endFrame = e.frame();
        run.endType = e.type();
        open.remove(run);
        if (run.completed) {
            pairs.completed(run.pairs, e, run.runId, run);
        }
        run.pairs = null; // ended runs are kept for after-completion; their open pairs are not
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
