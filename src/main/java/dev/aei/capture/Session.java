package dev.aei.capture;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A capture: lanes of frames on one clock. Appends from many network threads are serialised
 * here, so stamp order, lane order and the order listeners see are the same everywhere.
 */
public final class Session {
    private final SessionInfo info;
    private final CaptureClock clock;
    private final Map<String, Lane> lanes = new LinkedHashMap<>();
    private final List<Lane> laneList = new CopyOnWriteArrayList<>();
    private final List<CaptureListener> listeners = new CopyOnWriteArrayList<>();

    public Session(SessionInfo info, CaptureClock clock) {
        this.info = info;
        this.clock = clock;
    }

    /** A new live session starting now. */
    public static Session start(String serverUrl, String authMode, String profile) {
        CaptureClock clock = new CaptureClock();
        return new Session(new SessionInfo(serverUrl, authMode, profile, clock.originWallMillis()), clock);
    }

    public SessionInfo info() {
        return info;
    }

    public CaptureClock clock() {
        return clock;
    }

    public void addListener(CaptureListener listener) {
        listeners.add(listener);
    }

    /**
     * Adds a listener after first telling it, atomically, everything the session already holds:
     * each lane, then its frames and events in stamp order. Nothing is missed or told twice.
     */
    public synchronized void addListenerWithHistory(CaptureListener listener) {
        for (Lane lane : laneList) {
            listener.laneAdded(lane);
            replay(lane, listener);
        }
        listeners.add(listener);
    }

    private static void replay(Lane lane, CaptureListener listener) {
        List<Frame> frames = lane.frames();
        List<LaneEvent> events = lane.events();
        int f = 0;
        int e = 0;
        while (f < frames.size() || e < events.size()) {
            boolean frameFirst = e == events.size()
                    || (f < frames.size() && frames.get(f).nanos() <= events.get(e).nanos());
            if (frameFirst) {
                listener.frameAppended(lane, frames.get(f++));
            } else {
                listener.laneEventAppended(lane, events.get(e++));
            }
        }
    }

    public void removeListener(CaptureListener listener) {
        listeners.remove(listener);
    }

    /** Lanes in the order they were added; a live view. */
    public List<Lane> lanes() {
        return laneList;
    }

    /** The lane of this id, or null. */
    public synchronized Lane lane(String id) {
        return lanes.get(id);
    }

    /** Returns the lane of a user's only (or first) connection, named by the user id, adding it if it is new. */
    public synchronized Lane addLane(String id, Map<String, Object> claims) {
        return addLane(id, id, claims);
    }

    /**
     * Returns the lane {@code id}, adding it for user {@code userId} if it is new (an existing lane
     * keeps its user).
     */
    public synchronized Lane addLane(String id, String userId, Map<String, Object> claims) {
        Lane existing = lanes.get(id);
        if (existing != null) {
            return existing;
        }
        Lane lane = new Lane(id, userId, claims);
        lanes.put(id, lane);
        laneList.add(lane);
        listeners.forEach(l -> l.laneAdded(lane));
        return lane;
    }

    /** Stamps and appends a text frame now. */
    public Frame appendText(Lane lane, Direction direction, String text) {
        return append(lane, direction, Opcode.TEXT, text, null);
    }

    /** Stamps and appends a frame now; text or bytes as described on {@link Frame}. */
    public Frame append(Lane lane, Direction direction, Opcode opcode, String text, byte[] bytes) {
        Frame placed;
        synchronized (this) { // written out, not through underLock: no lambda per frame on the capture's path
            long nanos = clock.next();
            placed = place(lane, new Frame(lane.nextFrameIndex(), direction, nanos, clock.wallMillis(nanos),
                    opcode, text, bytes));
        }
        afterLock();
        return placed;
    }

    /** Stamps and appends a connection event now. */
    public LaneEvent appendEvent(Lane lane, LaneEvent.Kind kind, int code, String detail) {
        return appendEvent(lane, kind, code, detail, LaneEvent.ClosedBy.SERVER);
    }

    /** Appends a connection event stamped now, saying who closed the socket when it is a close. */
    public LaneEvent appendEvent(Lane lane, LaneEvent.Kind kind, int code, String detail,
                                 LaneEvent.ClosedBy closedBy) {
        return underLock(() -> {
            long nanos = clock.next();
            return place(lane, new LaneEvent(kind, nanos, clock.wallMillis(nanos), code, detail, closedBy));
        });
    }

    /** Appends an already stamped frame (loading a journal or fixture); its index is reassigned. */
    public Frame restore(Lane lane, Frame frame) {
        return underLock(() -> place(lane, frame));
    }

    /** Appends an already stamped connection event (loading a journal or fixture). */
    public LaneEvent restore(Lane lane, LaneEvent event) {
        return underLock(() -> place(lane, event));
    }

    /** Runs one append under the session's lock, then what listeners put off until after it. */
    private <T> T underLock(Supplier<T> append) {
        T placed;
        synchronized (this) {
            placed = append.get();
        }
        afterLock();
        return placed;
    }

    /** Appends a frame and tells the listeners; the caller holds the lock. */
    private Frame place(Lane lane, Frame frame) {
        Frame placed = frame.index() == lane.nextFrameIndex() ? frame : frame.withIndex(lane.nextFrameIndex());
        lane.appendFrame(placed);
        tellAll(l -> l.frameAppended(lane, placed));
        return placed;
    }

    /** Appends a connection event and tells the listeners; the caller holds the lock. */
    private LaneEvent place(Lane lane, LaneEvent event) {
        lane.appendEvent(event);
        tellAll(l -> l.laneEventAppended(lane, event));
        return event;
    }

    /** Lets each listener do what it put off until the appending thread no longer holds the lock. */
    private void afterLock() {
        for (CaptureListener listener : listeners) {
            listener.afterAppend();
        }
    }

    /**
     * Tells every listener even when one throws, so a bug in one (say, analysis choking on a
     * hostile frame) cannot keep the frame from the others (the journal); the first failure is
     * rethrown afterwards so it is not hidden.
     */
    private void tellAll(java.util.function.Consumer<CaptureListener> call) {
        RuntimeException first = null;
        for (CaptureListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** The stamp of the last frame or connection event on any lane, or 0 for an empty session. */
    public long lastNanos() {
        long last = 0;
        for (Lane lane : laneList) {
            last = Math.max(last, lane.lastNanos());
        }
        return last;
    }

    /** Total frames over all lanes. */
    public long frameCount() {
        long total = 0;
        for (Lane lane : laneList) {
            total += lane.frames().size();
        }
        return total;
    }
}
