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
 * The run-wide faults ignore-prompt and error-close replace the run; execution-ids changes its id.
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
        List<RunEvent> events = new ArrayList<>(script.events(request, runId));
        if (stage.shaper().shape() == EventShape.WEB_CLIENT) {
            events.add(script.finalReport(request));
        }
        new RunPlayer(stage, owner, runId, threadId, events, script.lateThought(),
                faults, () -> start(owner, request, threadId, repeat - 1)).start();
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
