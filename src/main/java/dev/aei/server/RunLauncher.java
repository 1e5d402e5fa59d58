package dev.aei.server;

import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Starts scripted runs for client requests: numbers each user's runs (1-based, for the whole
 * life of the backend), makes run ids, picks the faults in force and plays repeats back to back.
 */
final class RunLauncher {

    private final RunPlayer.Stage stage;
    private final AgentScript script;
    private final Supplier<FaultPlan> plan;
    private final RandomGenerator random;
    private final Map<String, AtomicInteger> runsPerUser = new ConcurrentHashMap<>();
    private final AtomicInteger runCounter = new AtomicInteger();

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
        String runId = runId(threadId);
        new RunPlayer(stage, owner, runId, threadId, script.events(request, runId), script.lateThought(),
                plan.get().forRun(owner.userId(), run),
                () -> start(owner, request, threadId, repeat - 1)).start();
    }

    /** {@code run_<thread>_<5 digits>_<8 hex>}, as the real backend makes them. */
    private String runId(String threadId) {
        int digits = runCounter.incrementAndGet() % 100_000;
        return "run_" + threadId + "_" + String.format("%05d", digits) + "_"
                + HexFormat.of().toHexDigits(random.nextInt());
    }
}
