package dev.aei.cli.bench;

import dev.aei.bench.FramesResults;
import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.Session;
import dev.aei.protocol.EventDecoder;
import dev.aei.ui.AppLauncher;

/**
 * Figure 8, the frames table: the big session handed to the table and scrolled to its end, then a
 * payload search for a marker only the last frame holds, against a bare loop over the same payloads.
 */
final class FramesFigure {
    static final double GOAL_SEARCH_MS = 1_000;
    static final double GOAL_OPEN_MS = 1_000;
    /** Text no synthetic frame holds; the figure appends one frame that does. */
    static final String MARKER = "frames-table-marker-5e1f";

    private final BenchSizes sizes;
    private final EventDecoder decoder;

    FramesFigure(BenchSizes sizes, EventDecoder decoder) {
        this.sizes = sizes;
        this.decoder = decoder;
    }

    /** Appends the marked frame to {@code session} (after every other figure has used it) and measures. */
    void run(Session session, BenchReport report) throws InterruptedException {
        Lane last = session.lanes().get(session.lanes().size() - 1);
        long nanos = session.lastNanos() + SyntheticCapture.STAMP_STEP_NANOS;
        session.restore(last, Frame.text(0, Direction.IN, nanos, session.clock().wallMillis(nanos),
                "{\"type\":\"agent_thinking\",\"data\":{\"reasoning\":\"" + MARKER + "\"}}"));
        FramesResults r = AppLauncher.benchFrames(decoder, session, MARKER, sizes.rounds());
        boolean met = r.searchMs() <= GOAL_SEARCH_MS && r.openMs() <= GOAL_OPEN_MS && r.matches() == 1
                && r.lastRowShown();
        report.add(new Row("8 frames", Fmt.count(r.rows()) + "-frame session in the frames table: open (every "
                + "decoded frame handed over, last row shown) and a search for the last frame's marker over every "
                + "payload (median of " + sizes.rounds() + ")",
                Fmt.millis(r.searchMs()) + " search, " + Fmt.millis(r.openMs()) + " open",
                Fmt.millis(r.bareScanMs()) + " bare scan", Fmt.ratio(r.searchMs() / r.bareScanMs()),
                "search <= " + Fmt.millis(GOAL_SEARCH_MS) + ", open <= " + Fmt.millis(GOAL_OPEN_MS),
                Row.Verdict.of(met)));
        report.value("frames_search_ms", Fmt.round2(r.searchMs()));
        report.value("frames_open_ms", Fmt.round2(r.openMs()));
        report.note(String.format("frames table: %d match(es) for the marker (expected 1), last row shown after "
                + "scrolling: %s", r.matches(), r.lastRowShown() ? "yes" : "no"));
    }
}
