package dev.aei.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aei.server.ClientConnection.Wire;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays one scripted run onto its connection, applying the run's faults. As the real backend
 * does, every event also goes to the user's other open connections (browser tabs), each with its
 * own seq; faults shape the asking connection's stream only (a dropped event reaches no tab).
 * Pauses between events are scheduled, never slept, so a few threads serve any number of runs.
 */
final class RunPlayer {

    private static final Logger LOG = LoggerFactory.getLogger(RunPlayer.class);
    /** How far the seq-skip fault makes seq jump. */
    static final int SEQ_SKIP = 5;
    private static final long CONGESTION_RETRY_MS = 5;
    /**
     * The after-complete fault's extra thought follows the completion by this much, whatever the
     * pause between events: late enough that a client stopping right at completion misses it.
     */
    static final long AFTER_COMPLETE_MS = 20;
    /** The events that end a run: its completion and the web-client shape's final report. */
    private static final Set<String> COMPLETION_TYPES = Set.of("agent_completed", "final_report");
    /** Schedules and connections a run needs besides its own data. */
    record Stage(ScheduledExecutorService scheduler, ConnectionRegistry connections, EventShaper shaper,
                 Clock clock, long eventDelayMs) {
        /** The same stage with events in another shape. */
        Stage shaped(EventShape shape) {
            EventShaper other = shaper.as(shape);
            return other == shaper ? this : new Stage(scheduler, connections, other, clock, eventDelayMs);
        }
    }

    private final Stage stage;
    private final ClientConnection owner;
    private final String runId;
    private final String threadId;
    private final List<RunEvent> events;
    private final List<List<FaultRule>> faultsAt;
    private final Runnable onDone;
    /** The index of the after-complete thought, or -1. */
    private final int lateIndex;
    private Instant startedAt;
    private ObjectNode held;

    RunPlayer(Stage stage, ClientConnection owner, String runId, String threadId, List<RunEvent> script,
              RunEvent lateThought, List<FaultRule> faults, Runnable onDone) {
        this.stage = stage;
        this.owner = owner;
        this.runId = runId;
        this.threadId = threadId;
        this.onDone = onDone;
        this.events = new ArrayList<>(script);
        if (has(faults, FaultType.NO_COMPLETE)) {
            events.removeIf(e -> COMPLETION_TYPES.contains(e.type()));
        }
        if (has(faults, FaultType.AFTER_COMPLETE)) {
            events.add(lateThought);
        }
        this.lateIndex = has(faults, FaultType.AFTER_COMPLETE) ? events.size() - 1 : -1;
        this.faultsAt = faultsByEvent(events, faults);
    }

    void start() {
        startedAt = stage.clock().instant();
        schedule(0, delayBefore(0, 0));
    }

    private void schedule(int index, long delayMs) {
        stage.scheduler().schedule(() -> play(index), delayMs, TimeUnit.MILLISECONDS);
    }

    /** The pause before event {@code index}: the base delay plus any delay fault aimed at it. */
    private long delayBefore(int index, long baseDelayMs) {
        if (index == lateIndex) {
            return AFTER_COMPLETE_MS;
        }
        if (index >= events.size()) {
            return baseDelayMs;
        }
        return baseDelayMs + faultsAt.get(index).stream()
                .filter(r -> r.fault() == FaultType.DELAY).mapToLong(FaultRule::ms).sum();
    }

    /** Sends events from {@code first} on; events due without a pause go out in the same task. */
    private void play(int first) {
        try {
            int index = first;
            while (owner.isOpen()) {
                if (owner.congested()) {
                    // A slow reader: wait instead of queueing without bound in the socket library.
                    schedule(index, CONGESTION_RETRY_MS);
                    return;
                }
                if (index >= events.size()) {
                    finish();
                    return;
                }
                if (!emit(shape(events.get(index), index), faultsAt.get(index))) {
                    return;
                }
                index++;
                long delay = delayBefore(index, stage.eventDelayMs());
                if (delay > 0) {
                    schedule(index, delay);
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("run {} stopped by an internal error", runId, e);
        }
    }

    private ObjectNode shape(RunEvent event, int index) {
        Instant now = stage.clock().instant();
        ObjectNode node = stage.shaper().runEvent(event, index, runId, threadId, owner.reportedId(), now);
        if (COMPLETION_TYPES.contains(event.type())) {
            long elapsed = Duration.between(startedAt, now).toMillis();
            if (node.get("data") instanceof ObjectNode data) {
                data.put("execution_time_ms", elapsed);
            } else if (node.get("payload") instanceof ObjectNode payload) {
                payload.put("execution_time_ms", elapsed);
            } else {
                node.put("duration", elapsed);
            }
        }
        return node;
    }

    /** Sends one event with its faults; false when the run must stop. */
    private boolean emit(ObjectNode node, List<FaultRule> faults) {
        if (held != null) {
            ObjectNode earlier = held;
            held = null;
            leak(node, faults);
            toOtherTabs(node);
            toOtherTabs(earlier);
            return owner.sendSwapped(earlier, node);
        }
        if (has(faults, FaultType.CLOSE_ABRUPT)) {
            owner.abort(stage.scheduler());
            return false;
        }
        if (has(faults, FaultType.STALL)) {
            owner.stall();
            return false;
        }
        if (has(faults, FaultType.SEQ_SKIP)) {
            owner.skipSeq(SEQ_SKIP);
        }
        leak(node, faults);
        if (has(faults, FaultType.REORDER)) {
            held = node;
            return true;
        }
        Wire wire = wire(faults);
        if (wire != Wire.DROPPED) {
            toOtherTabs(node);
        }
        boolean alive = owner.deliver(node, wire);
        if (alive && has(faults, FaultType.RETRY_DUPLICATE)) {
            alive = owner.send(node.deepCopy().put("attempt", 2));
        }
        return alive;
    }

    private static Wire wire(List<FaultRule> faults) {
        if (has(faults, FaultType.DROP)) {
            return Wire.DROPPED;
        } else if (has(faults, FaultType.MALFORMED)) {
            return Wire.TRUNCATED;
        } else if (has(faults, FaultType.BINARY)) {
            return Wire.BINARY;
        } else if (has(faults, FaultType.DUPLICATE)) {
            return Wire.TWICE;
        }
        return Wire.TEXT;
    }

    /** Delivers the event to other users' connections, as is or relabelled as theirs. */
    private void leak(ObjectNode node, List<FaultRule> faults) {
        for (FaultRule rule : faults) {
            boolean relabel = rule.fault() == FaultType.LEAK_RELABEL;
            if (rule.fault() == FaultType.LEAK || relabel) {
                for (ClientConnection victim : stage.connections().ofUser(rule.to())) {
                    ObjectNode copy = node.deepCopy();
                    if (relabel) {
                        copy.put("user_id", rule.to());
                    }
                    victim.send(copy);
                }
            }
        }
    }

    /** The event as it is, once, to every other open connection of the run's user. */
    private void toOtherTabs(ObjectNode node) {
        for (ClientConnection tab : stage.connections().ofUser(owner.userId())) {
            if (tab != owner) {
                tab.send(node);
            }
        }
    }

    private void finish() {
        if (held != null) {
            toOtherTabs(held);
            owner.send(held);
            held = null;
        }
        onDone.run();
    }

    private static boolean has(List<FaultRule> faults, FaultType type) {
        return faults.stream().anyMatch(r -> r.fault() == type);
    }

    /** Per event index, the faults aimed at it: each rule hits the first event of its type. */
    private static List<List<FaultRule>> faultsByEvent(List<RunEvent> events, List<FaultRule> faults) {
        List<List<FaultRule>> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (RunEvent event : events) {
            boolean first = seen.add(event.type());
            result.add(first ? faults.stream().filter(r -> event.type().equals(r.event())).toList() : List.of());
        }
        return result;
    }
}
