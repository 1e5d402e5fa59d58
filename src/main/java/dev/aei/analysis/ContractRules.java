package dev.aei.analysis;

import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.ClientContract;
import dev.aei.protocol.ContractField;
import dev.aei.protocol.EventRole;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The client contract rules, per lane: {@code contract-field} (an event lacks a field the client
 * needs where the client reads it) and {@code contract-end} (a run ends without an event that ends
 * it for the client, so the client keeps showing it as in progress).
 *
 * <p>A chatty stream must not drown the findings: each gap is reported once per lane, event type
 * and field ({@code contract-end} once per lane), with how many events had it by then, when the
 * run it was first seen in ends, the lane's next run starts, the run timeout has passed or the
 * analysis finishes; later ones are counted, not reported again. All of these follow the
 * events and their stamps, so a recording gives the findings the live run gave.
 */
final class ContractRules {
    /** The frames a finding names: the first few events with the gap. */
    private static final int MAX_FRAMES = 10;

    private final FindingLog log;
    private final ClientContract contract;
    private final long graceNanos;
    private final Map<String, LaneContract> lanes = new HashMap<>();
    /** Gaps not reported yet, in the order they were first seen. */
    private final List<Gap> pending = new ArrayList<>();

    ContractRules(FindingLog log, ClientContract contract, Duration grace) {
        this.log = log;
        this.contract = contract;
        this.graceNanos = grace.toNanos();
    }

    private static final class LaneContract {
        /** Every field gap seen on the lane: per event type, one per field in the contract's order for it. */
        final Map<String, Gap[]> gaps = new HashMap<>();
        /** The missing end, once seen. */
        Gap end;
        /** True once an event that ends a run for the client arrived in the lane's current run. */
        boolean endSeen;
    }

    /** One kind of gap on one lane: the event it was first seen in, and how often since. */
    private static final class Gap {
        final AgentEvent first;
        /** The missing field, or null for a missing end. */
        final ContractField field;
        final List<Integer> frames = new ArrayList<>(2);
        int count;
        boolean reported;

        Gap(AgentEvent first, ContractField field) {
            this.first = first;
            this.field = field;
        }
    }

    /** Checks one event of the lane's own (not a duplicate delivery). */
    void accept(AgentEvent e) {
        if (contract.isEmpty() || e.type() == null || !enabled()) {
            return;
        }
        LaneContract lane = lanes.computeIfAbsent(e.lane(), k -> new LaneContract());
        if (e.role() == EventRole.STARTED) {
            report(e.lane()); // the previous run never ended: what it showed is known by now
            lane.endSeen = false;
        }
        if (contract.endsRun(e.type())) {
            lane.endSeen = true;
        }
        List<ContractField> fields = contract.fieldsOf(e.type());
        for (int i = 0; i < fields.size(); i++) {
            ContractField field = fields.get(i);
            if (field.needed() && !field.presentIn(e)) {
                Gap[] ofType = lane.gaps.get(e.type()); // not computeIfAbsent: its lambda is made per call
                if (ofType == null) {
                    ofType = new Gap[fields.size()];
                    lane.gaps.put(e.type(), ofType);
                }
                if (ofType[i] == null) {
                    ofType[i] = opened(e, field);
                }
                seen(ofType[i], e);
            }
        }
        if (e.role().endsRun()) {
            if (!lane.endSeen && !contract.endTypes().isEmpty()) {
                if (lane.end == null) {
                    lane.end = opened(e, null);
                }
                seen(lane.end, e);
            }
            lane.endSeen = false;
            report(e.lane());
        }
    }

    private boolean enabled() {
        return log.isEnabled(Rule.CONTRACT_FIELD) || log.isEnabled(Rule.CONTRACT_END);
    }

    /** A gap first seen in {@code e}, waiting to be reported. */
    private Gap opened(AgentEvent e, ContractField field) {
        Gap gap = new Gap(e, field);
        pending.add(gap);
        return gap;
    }

    private static void seen(Gap gap, AgentEvent e) {
        gap.count++;
        if (!gap.reported && gap.frames.size() < MAX_FRAMES) {
            gap.frames.add(e.frame());
        }
    }

    /** Reports the gaps first seen longer ago than the grace (the run timeout). */
    void tick(long nanos) {
        while (!pending.isEmpty() && nanos - pending.get(0).first.nanos() >= graceNanos) {
            raise(pending.remove(0));
        }
    }

    /** Reports every gap not reported yet: the analysis ends. */
    void finishAll() {
        pending.forEach(this::raise);
        pending.clear();
    }

    private void report(String lane) {
        if (pending.isEmpty()) {
            return; // nearly always, at the end of every run
        }
        for (Iterator<Gap> it = pending.iterator(); it.hasNext(); ) {
            Gap gap = it.next();
            if (gap.first.lane().equals(lane)) {
                it.remove();
                raise(gap);
            }
        }
    }

    private void raise(Gap gap) {
        gap.reported = true;
        AgentEvent e = gap.first;
        if (gap.field == null) {
            log.raise(Rule.CONTRACT_END, e.lane(), e.runId(), endMessage(e), gap.frames);
            return;
        }
        ContractField field = gap.field;
        String where = field.read(e.body()).foundInstead();
        String runs = e.runId() == null ? "" : ", first in run " + e.runId();
        log.raise(Rule.CONTRACT_FIELD, e.lane(), e.runId(), field.label() + " shown as " + field.ifMissing() + ": "
                + contract.client() + " reads " + field.readText() + ", " + where + " (" + gap.count + " "
                + e.type() + (gap.count == 1 ? " event" : " events") + runs + "; not reported again on this lane)",
                gap.frames);
    }

    private String endMessage(AgentEvent e) {
        String run = e.runId() == null ? "the run" : "run " + e.runId();
        String shows = contract.waiting() == null ? "still shows the run as in progress"
                : "keeps showing “" + contract.waiting() + "”";
        return run + " ended with " + e.type() + ", but " + contract.client() + " waits for " + contract.endText()
                + ": it " + shows + " (not reported again on this lane)";
    }
}
