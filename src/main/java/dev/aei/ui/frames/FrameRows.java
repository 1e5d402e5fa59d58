package dev.aei.ui.frames;

import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.EventRole;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every frame of the shown session in the order it arrived, as a few primitive columns that point
 * into the session's own append-only frame lists: lane, frame index, type, role, direction and run.
 * A million rows cost about fifteen bytes each; the frame itself is read from its lane when a row
 * is drawn. Appended to on the FX thread; {@link #snapshot()} hands a stable view to a worker.
 */
final class FrameRows {
    static final int NONE = -1;
    private static final EventRole[] ROLES = EventRole.values();
    private static final int OUT_BIT = 0x10;
    private static final int MORE_BIT = 0x20;
    private static final int ROLE_MASK = 0x0F;

    private final List<Lane> lanes = new ArrayList<>();
    private final Map<String, Integer> laneIndex = new HashMap<>();
    private final List<IntArray> rowOfFrame = new ArrayList<>();
    private final Names types = new Names();
    private final Names runs = new Names();
    private long[] runStart = filled(16);
    private int[] lane = new int[1024];
    private int[] frame = new int[1024];
    private int[] type = new int[1024];
    private int[] run = new int[1024];
    private byte[] flags = new byte[1024];
    private int size;

    private static long[] filled(int n) {
        long[] values = new long[n];
        Arrays.fill(values, Long.MAX_VALUE);
        return values;
    }

    /** The lane's index among the rows' lanes, adding it at the end when new. */
    int addLane(Lane added) {
        Integer known = laneIndex.get(added.id());
        if (known != null) {
            return known;
        }
        laneIndex.put(added.id(), lanes.size());
        lanes.add(added);
        rowOfFrame.add(new IntArray());
        return lanes.size() - 1;
    }

    /** Appends a row for a frame of {@code laneIndex} with the events decoded from it. */
    void add(int laneIdx, Frame f, List<AgentEvent> events) {
        if (size == lane.length) {
            grow();
        }
        AgentEvent first = events.isEmpty() ? null : events.get(0);
        EventRole role = first == null ? (f.direction() == Direction.OUT ? EventRole.OUTGOING : EventRole.MALFORMED)
                : first.role();
        int typeId = types.id(first == null ? null : first.type());
        int runId = runs.id(firstRun(events));
        lane[size] = laneIdx;
        frame[size] = f.index();
        type[size] = typeId;
        run[size] = runId;
        flags[size] = (byte) (role.ordinal() | (f.direction() == Direction.OUT ? OUT_BIT : 0)
                | (events.size() > 1 ? MORE_BIT : 0));
        if (runId != NONE) {
            noteRunStart(runId, f.nanos());
        }
        IntArray rowsOfLane = rowOfFrame.get(laneIdx);
        while (rowsOfLane.size() < f.index()) {
            rowsOfLane.add(NONE); // frames the feed never handed over (none in practice) have no row
        }
        rowsOfLane.add(size);
        size++;
    }

    private static String firstRun(List<AgentEvent> events) {
        for (AgentEvent e : events) {
            if (e.runId() != null) {
                return e.runId();
            }
        }
        return null;
    }

    private void noteRunStart(int runId, long nanos) {
        if (runId >= runStart.length) {
            int old = runStart.length;
            runStart = Arrays.copyOf(runStart, Math.max(runId + 1, old * 2));
            Arrays.fill(runStart, old, runStart.length, Long.MAX_VALUE);
        }
        runStart[runId] = Math.min(runStart[runId], nanos);
    }

    private void grow() {
        int capacity = size + (size >> 1);
        lane = Arrays.copyOf(lane, capacity);
        frame = Arrays.copyOf(frame, capacity);
        type = Arrays.copyOf(type, capacity);
        run = Arrays.copyOf(run, capacity);
        flags = Arrays.copyOf(flags, capacity);
    }

    int size() {
        return size;
    }

    int laneOf(int row) {
        return lane[row];
    }

    Lane lane(int laneIdx) {
        return lanes.get(laneIdx);
    }

    List<Lane> lanes() {
        return lanes;
    }

    /** The lane index of a lane id, or {@link #NONE}. */
    int laneIndex(String id) {
        return laneIndex.getOrDefault(id, NONE);
    }

    int frameIndex(int row) {
        return frame[row];
    }

    /** The captured frame of a row, read from its lane. */
    Frame frame(int row) {
        return lanes.get(lane[row]).frames().get(frame[row]);
    }

    int typeId(int row) {
        return type[row];
    }

    String type(int row) {
        return types.name(type[row]);
    }

    int runId(int row) {
        return run[row];
    }

    String run(int row) {
        return runs.name(run[row]);
    }

    /** When the row's run first showed (session-clock nanos), or {@link Long#MIN_VALUE} without a run. */
    long runStart(int row) {
        int id = run[row];
        return id == NONE ? Long.MIN_VALUE : runStart[id];
    }

    EventRole role(int row) {
        return ROLES[flags[row] & ROLE_MASK];
    }

    int roleOrdinal(int row) {
        return flags[row] & ROLE_MASK;
    }

    boolean sent(int row) {
        return (flags[row] & OUT_BIT) != 0;
    }

    /** True when the frame held more than one event (a batch). */
    boolean batch(int row) {
        return (flags[row] & MORE_BIT) != 0;
    }

    /** The row of a lane's frame, or {@link #NONE}. */
    int rowOf(String laneId, int frameIdx) {
        int l = laneIndex(laneId);
        if (l == NONE || frameIdx < 0 || frameIdx >= rowOfFrame.get(l).size()) {
            return NONE;
        }
        return rowOfFrame.get(l).get(frameIdx);
    }

    /** How many type names were seen. */
    int typeCount() {
        return types.size();
    }

    /** The name of a type id. */
    String typeName(int typeId) {
        return types.name(typeId);
    }

    /** Every type name seen so far, in the order first seen. */
    List<String> typeNames() {
        return types.names();
    }

    /** The id of a type name, or {@link #NONE} when never seen. */
    int typeIdOf(String name) {
        return types.find(name);
    }

    /** A stable view of the rows so far, for a worker thread. */
    Snapshot snapshot() {
        return new Snapshot(List.copyOf(lanes), lane, frame, size);
    }

    /** The rows as they were: the arrays are only ever appended past {@code size} or replaced. */
    record Snapshot(List<Lane> lanes, int[] laneOfRow, int[] frameOfRow, int size) {
        Frame frame(int row) {
            return lanes.get(laneOfRow[row]).frames().get(frameOfRow[row]);
        }
    }

    /** Small ids for repeated strings (types, run ids). */
    private static final class Names {
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> names = new ArrayList<>();

        int id(String name) {
            if (name == null) {
                return NONE;
            }
            Integer id = ids.get(name);
            if (id == null) {
                id = names.size();
                ids.put(name, id);
                names.add(name);
            }
            return id;
        }

        int find(String name) {
            return ids.getOrDefault(name, NONE);
        }

        String name(int id) {
            return id == NONE ? null : names.get(id);
        }

        int size() {
            return names.size();
        }

        List<String> names() {
            return List.copyOf(names);
        }
    }
}
