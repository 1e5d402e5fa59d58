package dev.aei.analysis;

import dev.aei.capture.CaptureListener;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.LaneEvent;
import dev.aei.capture.Session;
import dev.aei.capture.StampedList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Feeds a whole session through an analyzer offline: every lane's frames and connection events
 * merged by their stamps, exactly the order a live analyzer saw them in.
 */
public final class SessionReplay {
    private SessionReplay() {
    }

    /** Replays the session, finishes at its last stamp and returns the findings. */
    public static List<Finding> analyze(Session session, Analyzer analyzer) {
        return analyze(session, analyzer, false);
    }

    /**
     * Replays and finishes; with {@code openRunsIncomplete} (a recording's until-complete wait
     * timed out) runs still open at the end are {@code run-incomplete}. Frames are decoded (once
     * each, with the analyzer's decoder) in runs ahead of the rules, for a large session on threads
     * of their own, while the rules work on the frames before them on the calling thread.
     */
    public static List<Finding> analyze(Session session, Analyzer analyzer, boolean openRunsIncomplete) {
        long last = new DecodeAhead(analyzer).run(session.frameCount(), items -> merge(session, items));
        analyzer.finish(last, openRunsIncomplete);
        return analyzer.findings();
    }

    /**
     * Catches the analyzer up with what the session holds and then keeps it fed live, with no
     * frame missed or seen twice in between (both happen under the session's append lock).
     */
    public static void attach(Session session, Analyzer analyzer) {
        synchronized (session) {
            replay(session, analyzer);
            session.addListener(analyzer);
        }
    }

    /**
     * Feeds everything to the listener in stamp order (lanes are not announced) and returns the last
     * stamp (0 for an empty session).
     */
    public static long replay(Session session, CaptureListener analyzer) {
        return merge(session, (lane, item) -> {
            if (item instanceof Frame frame) {
                analyzer.frameAppended(lane, frame);
            } else {
                analyzer.laneEventAppended(lane, (LaneEvent) item);
            }
        });
    }

    /** Takes each item of a merged session: a {@link Frame} or a {@link LaneEvent} of the lane. */
    @FunctionalInterface
    interface Items {
        void take(Lane lane, Object item);
    }

    /** Hands every frame and lane event to {@code items} in stamp order and returns the last stamp. */
    static long merge(Session session, Items analyzer) {
        List<Source> sources = new ArrayList<>();
        for (Lane lane : session.lanes()) {
            sources.add(new Source(lane, lane.frames()));
            sources.add(new Source(lane, lane.events()));
        }
        if (!sources.stream().allMatch(Source::inStampOrder)) {
            return replaySorted(sources, analyzer);
        }
        // Each list is in stamp order already: merge them instead of sorting every item.
        StampHeap next = new StampHeap(sources.size());
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).hasNext()) {
                next.add(i, sources.get(i).nanos());
            }
        }
        long last = 0;
        while (!next.isEmpty()) {
            Source source = sources.get(next.top());
            last = Math.max(last, source.nanos());
            source.feed(analyzer);
            if (source.hasNext()) {
                next.replaceTop(source.nanos());
            } else {
                next.removeTop();
            }
        }
        return last;
    }

    /** The fallback for lists not in stamp order (a hand-edited file): a stable sort of every item. */
    private static long replaySorted(List<Source> sources, Items analyzer) {
        List<Source> items = new ArrayList<>();
        for (Source source : sources) {
            for (int i = source.position; i < source.end; i++) {
                items.add(source.single(i));
            }
        }
        items.sort(Comparator.comparingLong(Source::nanos)); // stable: ties keep lane and list order
        long last = 0;
        for (Source item : items) {
            last = Math.max(last, item.nanos());
            item.feed(analyzer);
        }
        return last;
    }

    /**
     * A lane's frames or its connection events, as far as they went when the replay began, read
     * from {@code position} on. Stamps come from the list's own column: the merge never reaches
     * into a frame (its memory is the decoder's to read).
     */
    private static final class Source {
        final Lane lane;
        final StampedList<?> items;
        final int end;
        int position;
        /** The item at {@code position}, read once (the lists' reads are volatile), or null past the end. */
        private Object current;

        Source(Lane lane, StampedList<?> items) {
            this(lane, items, 0, items.size());
        }

        private Source(Lane lane, StampedList<?> items, int position, int end) {
            this.lane = lane;
            this.items = items;
            this.position = position;
            this.end = end;
            this.current = position < end ? items.get(position) : null;
        }

        boolean hasNext() {
            return current != null;
        }

        long nanos() {
            return items.stamp(position);
        }

        boolean inStampOrder() {
            long previous = Long.MIN_VALUE;
            for (int i = position; i < end; i++) {
                long stamp = items.stamp(i);
                if (stamp < previous) {
                    return false;
                }
                previous = stamp;
            }
            return true;
        }

        /** A source of only the item at {@code index}. */
        Source single(int index) {
            return new Source(lane, items, index, index + 1);
        }

        /** Hands the current item on and moves on. */
        void feed(Items analyzer) {
            Object item = current;
            position++;
            current = position < end ? items.get(position) : null;
            analyzer.take(lane, item);
        }
    }
}
