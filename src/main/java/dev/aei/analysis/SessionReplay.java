package dev.aei.analysis;

import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.LaneEvent;
import dev.aei.capture.Session;
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
     * timed out) runs still open at the end are {@code run-incomplete}.
     */
    public static List<Finding> analyze(Session session, Analyzer analyzer, boolean openRunsIncomplete) {
        long last = replay(session, analyzer);
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

    /** Feeds everything in stamp order and returns the last stamp (0 for an empty session). */
    public static long replay(Session session, Analyzer analyzer) {
        List<Item> items = new ArrayList<>();
        for (Lane lane : session.lanes()) {
            List<Frame> frames = lane.frames();
            for (int i = 0, n = frames.size(); i < n; i++) {
                items.add(new Item(lane, frames.get(i).nanos(), frames.get(i), null));
            }
            List<LaneEvent> events = lane.events();
            for (int i = 0, n = events.size(); i < n; i++) {
                items.add(new Item(lane, events.get(i).nanos(), null, events.get(i)));
            }
        }
        items.sort(Comparator.comparingLong(Item::nanos)); // stable: ties keep lane and list order
        long last = 0;
        for (Item item : items) {
            if (item.frame() != null) {
                analyzer.frameAppended(item.lane(), item.frame());
            } else {
                analyzer.laneEventAppended(item.lane(), item.event());
            }
            last = Math.max(last, item.nanos());
        }
        return last;
    }

    private record Item(Lane lane, long nanos, Frame frame, LaneEvent event) {
    }
}
