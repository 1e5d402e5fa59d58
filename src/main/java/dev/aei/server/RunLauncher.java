package dev.aei.server;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.java_websocket.framing.CloseFrame;

/**
 * Starts scripted runs for client requests: numbers each user's runs (1-based, for the whole
 * life of the backend), makes run ids, picks the faults in force and plays repeats back to back.
 * The run-wide faults ignore-prompt and error-close replace the run; execution-ids changes its id;
 * web-client-shape and bridge-shape put its fields elsewhere.
 */
final class RunLauncher {

    private final RunPlayer.Stage stage;
    private final AgentScript script;
    private final Supplier<FaultPlan> plan;
    private final RandomGenerator random;
    private final Map<String, AtomicInteger> runsPerUser = new ConcurrentHashMap<>();
    private final AtomicInteger runCounter = new AtomicInteger();

    /** The close the error-close fault ends a connection with, as the real backend did after a crash. */
    static final String CRASH_CLOSE_REASON = "main cleanup";

    RunLauncher(RunPlayer.Stage stage, AgentScript script, Supplier<FaultPlan> plan, RandomGenerator random) {
        this.stage = stage;
        this.script = script;
        this.plan = plan;
        this.random = random;
    }

    /** Plays {@code repeat} runs of the script for the request, one after the other. */
    void start(ClientConnection owner, String request, String threadId, int repeat) {
        if (repeat <= 0 || !owner.isOpen()) {
            return;
        }
        int run = runsPerUser.computeIfAbsent(owner.userId(), u -> new AtomicInteger()).incrementAndGet();
        List<FaultRule> faults = plan.get().forRun(owner.userId(), run);
        if (has(faults, FaultType.IGNORE_PROMPT)) {
            return;
        }
        if (has(faults, FaultType.ERROR_CLOSE)) {
            crash(owner, threadId);
            return;
        }
        String runId = has(faults, FaultType.EXECUTION_IDS) ? executionId() : runId(threadId);
        EventShape shape = shapeOf(faults);
        List<RunEvent> events = new ArrayList<>(script.events(request, runId));
        if (shape == EventShape.WEB_CLIENT) {
            // The web client stops "processing" on final_report; sent before the completion, it is
            // still inside the run, where the run's ordering rules expect every event of it.
            events.add(completionIndex(events), script.finalReport(request));
        }
        new RunPlayer(stage.shaped(shape), owner, runId, threadId, events, script.lateThought(),
                faults, () -> start(owner, request, threadId, repeat - 1)).start();
    }

    /** The run's shape: the last shape fault aimed at it, else the backend's own. */
    private EventShape shapeOf(List<FaultRule> faults) {
        EventShape shape = stage.shaper().shape();
        for (FaultRule rule : faults) {
            if (rule.fault() == FaultType.WEB_CLIENT_SHAPE) {
                shape = EventShape.WEB_CLIENT;
            } else if (rule.fault() == FaultType.BRIDGE_SHAPE) {
                shape = EventShape.BRIDGE;
            }
        }
        return shape;
    }

    private static int completionIndex(List<RunEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).type().equals("agent_completed")) {
                return i;
            }
        }
        return events.size();
    }

    /** How many runs were started or refused by a fault so far, over all users. */
    int runsSoFar() {
        return runsPerUser.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** An internal error instead of the run: an error_message, then a normal close. */
    private void crash(ClientConnection owner, String threadId) {
        owner.send(stage.shaper().errorMessage("INTERNAL_ERROR",
                "An internal error occurred while processing the request", Map.of("thread_id", threadId),
                stage.clock().instant()));
        owner.close(CloseFrame.NORMAL, CRASH_CLOSE_REASON);
    }

    /** {@code run_<thread>_<5 digits>_<8 hex>}, as the real backend makes them. */
    private String runId(String threadId) {
        int digits = runCounter.incrementAndGet() % 100_000;
        return "run_" + threadId + "_" + String.format("%05d", digits) + "_"
                + HexFormat.of().toHexDigits(random.nextInt());
    }

    /** {@code execution_<n>_<8 hex>}, the real backend's other form, which holds no thread. */
    private String executionId() {
        return "execution_" + runCounter.incrementAndGet() + "_" + HexFormat.of().toHexDigits(random.nextInt());
    }

    private static boolean has(List<FaultRule> faults, FaultType type) {
        return faults.stream().anyMatch(r -> r.fault() == type);
    }
}
