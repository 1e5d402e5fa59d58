package dev.aei.analysis;

import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.EventRole;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The seq rules per connection: {@code seq-gap}, {@code seq-duplicate}, {@code seq-regression};
 * silent where frames carry no seq. A gap is held back until it has stayed open for the reorder
 * window or three more numbered frames, so a swapped pair reads as one {@code seq-regression}
 * rather than a gap that later filled itself. A malformed or binary frame is taken to have used
 * up one number (its seq cannot be read), so it does not also show as a gap. A reconnect starts
 * a new numbering.
 */
final class SeqRules {
    private static final int SETTLE_FRAMES = 3;
    private static final int MAX_TRACKED_GAP = 256;
    private static final int MAX_GAPS = 32;

    private final FindingLog log;
    private final long settleNanos;
    private final Map<String, LaneSeq> lanes = new HashMap<>();
    /** Gaps not reported yet, over all lanes: ticks have nothing to do while it is zero. */
    private int openGaps;

    SeqRules(FindingLog log, Duration reorderWindow) {
        this.log = log;
        this.settleNanos = reorderWindow.toNanos();
    }

    /** Numbers missing after {@code before} up to {@code after}: which ones are still missing. */
    private static final class Gap {
        final long before;
        final long after;
        final int beforeFrame;
        final int afterFrame;
        final long nanos;
        final String runId;
        final BitSet missing = new BitSet();
        int framesSince;
        boolean reported;

        Gap(long before, long after, int beforeFrame, AgentEvent at) {
            this.before = before;
            this.after = after;
            this.beforeFrame = beforeFrame;
            this.afterFrame = at.frame();
            this.nanos = at.nanos();
            this.runId = at.runId();
            if (width() <= MAX_TRACKED_GAP) {
                missing.set(0, (int) width());
            }
        }

        long width() {
            return after - before - 1;
        }

        long stillMissing() {
            return width() > MAX_TRACKED_GAP ? width() : missing.cardinality();
        }

        boolean fill(long seq) {
            if (seq <= before || seq >= after || width() > MAX_TRACKED_GAP || !missing.get((int) (seq - before - 1))) {
                return false;
            }
            missing.clear((int) (seq - before - 1));
            return true;
        }
    }

    private static final class LaneSeq {
        long first = Long.MIN_VALUE;
        long max;
        long previous;
        int previousFrame;
        /** Frames since the last numbered one whose seq could not be read (malformed, binary). */
        int unreadable;
        final Deque<Gap> gaps = new ArrayDeque<>();
    }

    void accept(AgentEvent e) {
        if (e.seq() == null) {
            if (e.role() == EventRole.MALFORMED || e.role() == EventRole.BINARY) {
                LaneSeq lane = lanes.get(e.lane());
                if (lane != null) {
                    lane.unreadable++; // it probably used up a number we cannot see
                }
            }
            return;
        }
        long seq = e.seq();
        LaneSeq lane = lanes.computeIfAbsent(e.lane(), k -> new LaneSeq());
        if (lane.first == Long.MIN_VALUE) {
            lane.first = seq;
            lane.max = seq;
        } else if (seq == lane.previous) {
            log.raise(Rule.SEQ_DUPLICATE, e.lane(), e.runId(), "seq " + seq + " arrived twice (frames "
                    + lane.previousFrame + " and " + e.frame() + ")", List.of(lane.previousFrame, e.frame()));
        } else if (seq > lane.max) {
            countFrame(lane, e.lane());
            if (seq > lane.max + 1) {
                openGap(lane, e, seq);
            }
            lane.max = seq;
        } else {
            behind(lane, e, seq);
        }
        lane.previous = seq;
        lane.previousFrame = e.frame();
        lane.unreadable = 0;
    }

    private void openGap(LaneSeq lane, AgentEvent e, long seq) {
        Gap gap = new Gap(lane.max, seq, lane.previous == lane.max ? lane.previousFrame : e.frame(), e);
        if (gap.width() > MAX_TRACKED_GAP) {
            report(e.lane(), gap); // too wide to be a reorder
        } else {
            // Malformed or binary frames since the last number carried the first missing numbers.
            gap.missing.clear(0, (int) Math.min(lane.unreadable, gap.width()));
            if (gap.missing.isEmpty()) {
                return;
            }
        }
        lane.gaps.addLast(gap);
        openGaps++;
        if (lane.gaps.size() > MAX_GAPS) {
            Gap oldest = lane.gaps.removeFirst();
            report(e.lane(), oldest);
        }
    }

    private void behind(LaneSeq lane, AgentEvent e, long seq) {
        boolean filled = false;
        for (Gap gap : lane.gaps) {
            if (!gap.reported && gap.fill(seq)) {
                filled = true;
                break;
            }
        }
        boolean seen = !filled && seq >= lane.first && lane.gaps.stream().noneMatch(g -> seq > g.before && seq < g.after);
        if (seen) {
            log.raise(Rule.SEQ_DUPLICATE, e.lane(), e.runId(), "seq " + seq + " arrived again after seq "
                    + lane.previous + " (frame " + e.frame() + ")", List.of(lane.previousFrame, e.frame()));
        } else {
            log.raise(Rule.SEQ_REGRESSION, e.lane(), e.runId(), "seq went back from " + lane.previous + " to " + seq
                    + (filled ? " (delivered out of order)" : ""), List.of(lane.previousFrame, e.frame()));
        }
    }

    private void countFrame(LaneSeq lane, String laneId) {
        for (Gap gap : lane.gaps) {
            if (!gap.reported && ++gap.framesSince >= SETTLE_FRAMES) {
                report(laneId, gap);
            }
        }
    }

    /** Reports the gaps that stayed open long enough by {@code nanos}. */
    void tick(long nanos) {
        if (openGaps == 0) {
            return;
        }
        lanes.forEach((laneId, lane) -> {
            for (Gap gap : lane.gaps) {
                if (!gap.reported && nanos - gap.nanos >= settleNanos) {
                    report(laneId, gap);
                }
            }
        });
    }

    /** The connection ended or the capture did: every open gap is final. A new connection renumbers. */
    void connectionEnded(String laneId) {
        LaneSeq lane = lanes.remove(laneId);
        if (lane != null) {
            lane.gaps.forEach(gap -> report(laneId, gap));
        }
    }

    void finishAll() {
        List.copyOf(lanes.keySet()).forEach(this::connectionEnded);
    }

    private void report(String laneId, Gap gap) {
        if (gap.reported) {
            return;
        }
        gap.reported = true;
        openGaps--;
        long count = gap.stillMissing();
        if (count > 0) {
            log.raise(Rule.SEQ_GAP, laneId, gap.runId, count + (count == 1 ? " event" : " events") + " missing between seq "
                    + gap.before + " and " + gap.after, List.of(gap.beforeFrame, gap.afterFrame));
        }
        trim(lanes.get(laneId));
    }

    private static void trim(LaneSeq lane) {
        if (lane == null) {
            return;
        }
        // Keep reported gaps only while newer ones are open, so fills are still recognised.
        for (Iterator<Gap> it = lane.gaps.iterator(); it.hasNext(); ) {
            Gap gap = it.next();
            if (!gap.reported || lane.gaps.size() <= MAX_GAPS) {
                return;
            }
            it.remove();
        }
    }
}
