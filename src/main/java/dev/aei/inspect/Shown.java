package dev.aei.inspect;

import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.LaneEvent;
import dev.aei.capture.Session;
import dev.aei.fixture.FileKind;
import java.nio.file.Path;
import java.util.List;

/**
 * What an inspection shows, and on what time range: a file and its replay span the file's own first
 * to last item, a live session follows its clock.
 *
 * @param mode       live, a file, or its replay
 * @param session    the session whose items are published now (a replay's fresh target), or null
 * @param file       the opened file, or null when live
 * @param kind       what kind of file, or null when live
 * @param firstNanos the first item's stamp on the session clock (0 when live or empty)
 * @param lastNanos  the last item's stamp (0 when live or empty)
 * @param items      frames plus connection events of the file (0 when live)
 */
public record Shown(Mode mode, Session session, Path file, FileKind kind, long firstNanos, long lastNanos,
                    long items) {

    /** Nothing shown yet. */
    public static final Shown NOTHING = new Shown(Mode.NONE, null, null, null, 0, 0, 0);

    /** A live session, following its clock. */
    public static Shown live(Session session) {
        return new Shown(Mode.LIVE, session, null, null, 0, 0, 0);
    }

    /** A file shown whole: its range and item count are read from its lanes. */
    public static Shown file(Path file, FileKind kind, Session session) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long items = 0;
        for (Lane lane : session.lanes()) {
            List<Frame> frames = lane.frames();
            List<LaneEvent> events = lane.events();
            for (Frame frame : frames) {
                first = Math.min(first, frame.nanos());
                last = Math.max(last, frame.nanos());
            }
            for (LaneEvent event : events) {
                first = Math.min(first, event.nanos());
                last = Math.max(last, event.nanos());
            }
            items += frames.size() + events.size();
        }
        return first > last ? new Shown(Mode.FILE, session, file, kind, 0, 0, 0)
                : new Shown(Mode.FILE, session, file, kind, first, last, items);
    }

    /** The same file replayed into {@code target}: the range and count stay the file's. */
    public Shown replayedInto(Session target) {
        return new Shown(Mode.REPLAY, target, file, kind, firstNanos, lastNanos, items);
    }

    /** True while a file or its replay is shown. */
    public boolean showsFile() {
        return mode == Mode.FILE || mode == Mode.REPLAY;
    }

    /** True when the range has any width to fit to. */
    public boolean hasRange() {
        return showsFile() && items > 0;
    }
}
