package dev.aei.ui.timeline;

import dev.aei.analysis.Finding;
import dev.aei.analysis.Severity;
import dev.aei.capture.Frame;
import dev.aei.capture.LaneEvent;
import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.EventRole;
import dev.aei.protocol.Grammar;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What the timeline keeps of one lane: compact event columns, run spans, spans of tool calls and
 * the profile's other pairs, connection
 * events and finding marks. Each frame is decoded once, when it arrives.
 */
final class LaneTrack {
    private final String id;
    private final EventColumns events = new EventColumns();
    private final SpanColumns runs = new SpanColumns(false);
    private final SpanColumns tools = new SpanColumns(true);
    private final List<Frame> frames = new ArrayList<>();
    private final List<LaneEvent> laneEvents = new ArrayList<>();
    private final List<FindingMark> findings = new ArrayList<>();
    private final Map<Integer, Integer> runSpans = new HashMap<>();
    private final Map<ToolKey, ArrayDeque<Integer>> openTools = new HashMap<>();
    private Severity worstFinding;
    /** Findings above info: what the lane's badge counts (reconnects and other notes are not alarms). */
    private int alarms;
    /** "1,234 events", made again only when the count changed (the header draws it on every redraw). */
    private String countLabel;
    private int countLabelFor = -1;

    LaneTrack(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    EventColumns events() {
        return events;
    }

    SpanColumns runs() {
        return runs;
    }

    SpanColumns tools() {
        return tools;
    }

    /** The event count as the header and hover card word it, e.g. "1,234 events". */
    String countLabel() {
        int n = events.size();
        if (n != countLabelFor) {
            countLabel = String.format("%,d %s", n, n == 1 ? "event" : "events");
            countLabelFor = n;
        }
        return countLabel;
    }

    List<LaneEvent> laneEvents() {
        return Collections.unmodifiableList(laneEvents);
    }

    List<FindingMark> findings() {
        return Collections.unmodifiableList(findings);
    }

    /** The latest connection event, or null before any. */
    LaneEvent.Kind status() {
        return laneEvents.isEmpty() ? null : laneEvents.get(laneEvents.size() - 1).kind();
    }

    void addFrame(Frame frame, List<AgentEvent> decoded, Interner strings) {
        frames.add(frame);
        for (AgentEvent event : decoded) {
            EventRole role = event.role();
            events.add(frame.nanos(), role, frame.index());
            int run = strings.id(event.runId());
            if (run != Interner.NONE && role.isRunEvent()) {
                trackRun(run, role, frame.nanos());
            }
            Grammar.Member pair = event.pair();
            if (pair != null) {
                pairSpan(run, pair, event, frame.nanos(), strings);
            } else if (role == EventRole.TOOL_START) {
                ToolKey key = ToolKey.of(run, event);
                openTools.computeIfAbsent(key, k -> new ArrayDeque<>(2))
                        .addLast(tools.open(frame.nanos(), strings.id(toolLabel(event))));
            } else if (role == EventRole.TOOL_END) {
                ArrayDeque<Integer> open = openTools.get(ToolKey.of(run, event));
                if (open != null && !open.isEmpty()) {
                    tools.close(open.removeFirst(), frame.nanos(), false);
                }
            }
        }
    }

    /**
     * A span for every pair the profile declares: tool calls labelled with the tool, the others
     * (text messages, steps, thinking) with the pair's name and key, in their own colour.
     */
    private void pairSpan(int run, Grammar.Member member, AgentEvent event, long nanos, Interner strings) {
        if (member.part() == Grammar.Part.INSIDE) {
            return; // the most common part by far (every streamed delta): no key to make
        }
        Grammar.Pair pair = member.pair();
        ToolKey key = new ToolKey(run, pair.index(), event.pairKey() != null,
                event.pairKey() != null ? event.pairKey() : event.pairFallback());
        if (member.part() == Grammar.Part.OPEN) {
            String label = pair.tool() ? toolLabel(event)
                    : pair.name() + (pair.keyed() && event.pairKey() != null ? " " + event.pairKey() : "");
            openTools.computeIfAbsent(key, k -> new ArrayDeque<>(2))
                    .addLast(tools.open(nanos, strings.id(label), pair.tool() ? 0 : SpanColumns.FLAG_OTHER_PAIR));
        } else if (member.part() == Grammar.Part.CLOSE) {
            ArrayDeque<Integer> open = openTools.get(key);
            if (open != null && !open.isEmpty()) {
                tools.close(open.removeFirst(), nanos, false);
            }
        }
    }

    void addLaneEvent(LaneEvent event) {
        laneEvents.add(event);
    }

    void addFinding(Finding finding) {
        long at = finding.nanos();
        for (int index : finding.frames()) {
            Frame frame = frame(index);
            if (frame != null) {
                at = frame.nanos();
                break;
            }
        }
        findings.add(new FindingMark(at, finding));
        if (finding.severity() != Severity.INFO) {
            alarms++;
        }
        if (worstFinding == null || finding.severity().atLeast(worstFinding)) {
            worstFinding = finding.severity();
        }
    }

    /** The worst severity among the lane's findings, or null without findings. */
    Severity worstFinding() {
        return worstFinding;
    }

    /** How many of the lane's findings are worse than info. */
    int alarmCount() {
        return alarms;
    }

    /** The frame with this lane index, or null when the timeline never saw it. */
    Frame frame(int index) {
        int at = position(index);
        return at < 0 ? null : frames.get(at);
    }

    /**
     * The lane index of the frame shown {@code step} places after (negative: before) the frame with
     * lane index {@code index}, or -1 when there is none or the timeline never saw that frame.
     */
    int neighbour(int index, int step) {
        int at = position(index);
        int to = at + step;
        return at < 0 || to < 0 || to >= frames.size() ? -1 : frames.get(to).index();
    }

    /** The lane index of the first frame shown at or after {@code nanos}, or -1 when none is. */
    int firstFrameFrom(long nanos) {
        for (Frame frame : frames) { // in stamp order, but a hand-edited file need not be: no halving
            if (frame.nanos() >= nanos) {
                return frame.index();
            }
        }
        return -1;
    }

    /** Where the frame with this lane index is in {@link #frames}, or -1. */
    private int position(int index) {
        if (index >= 0 && index < frames.size() && frames.get(index).index() == index) {
            return index;
        }
        int lo = 0;
        int hi = frames.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int at = frames.get(mid).index();
            if (at == index) {
                return mid;
            }
            if (at < index) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    private void trackRun(int run, EventRole role, long nanos) {
        Integer span = runSpans.get(run);
        if (span == null) {
            span = runs.open(nanos, run);
            runSpans.put(run, span);
        }
        runs.extend(span, nanos);
        if (role.endsRun() && runs.isOpen(span)) {
            runs.close(span, nanos, role == EventRole.ERROR);
            closeToolsOf(run, nanos);
        }
    }

    /** A run that ends with tools still open leaves them unfinished at its end. */
    private void closeToolsOf(int run, long nanos) {
        Iterator<Map.Entry<ToolKey, ArrayDeque<Integer>>> it = openTools.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<ToolKey, ArrayDeque<Integer>> entry = it.next();
            if (entry.getKey().run() == run) {
                entry.getValue().forEach(span -> tools.close(span, nanos, true));
                it.remove();
            }
        }
    }

    private static String toolLabel(AgentEvent event) {
        return event.toolName() != null ? event.toolName() : "tool";
    }

    /** A finding placed at the time of the first of its frames this lane has. */
    record FindingMark(long nanos, Finding finding) {

        /** The finding's first frame, or null when it names none. */
        FrameRef firstFrame() {
            return finding.frames().isEmpty() ? null : new FrameRef(finding.lane(), finding.frames().get(0));
        }
    }

    /**
     * Tool calls pair by call id when there is one, else by tool name in order, within a run; a
     * profile's pairs by their key (or fallback) within the pair's index.
     */
    private record ToolKey(int run, int pair, boolean byKey, String key) {
        /** A plain tool call's key: pair -1, its call id or else its name. */
        static ToolKey of(int run, AgentEvent event) {
            return new ToolKey(run, -1, event.toolCallId() != null,
                    event.toolCallId() != null ? event.toolCallId() : event.toolName());
        }
    }

    /** Frames this lane shows. */
    int frameCount() {
        return frames.size();
    }
}
