package dev.aei.cli.bench;

import dev.aei.analysis.Analyzer;
import dev.aei.analysis.RuleConfig;
import dev.aei.analysis.SessionReplay;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.Session;
import dev.aei.protocol.EventDecoder;
import java.lang.ref.Reference;

/**
 * Figure 4: heap a capture retains per event beyond the event's raw text, measured after full
 * collections: the session (frames) plus the live rules' state, as a recording holds them.
 */
final class MemoryFigure {
    static final double GOAL_BYTES = 200;

    private final Heap heap = new Heap();
    private final BenchSizes sizes;
    private final EventDecoder decoder;
    /** Heap in use after a full collection before the session was built, and with it. */
    private long without;
    private long withSession;

    MemoryFigure(BenchSizes sizes, EventDecoder decoder) {
        this.sizes = sizes;
        this.decoder = decoder;
    }

    /**
     * Builds the synthetic session (for the other figures too), measuring what it retains; {@link
     * #measureRules} finishes the figure.
     */
    Session buildSession() {
        without = heap.usedAfterGc();
        Session session = SyntheticCapture.build(sizes.events(), sizes.lanes());
        withSession = heap.usedAfterGc();
        return session;
    }

    /** Replays the session into live rules as a recording feeds them, measures what they retain and reports. */
    void measureRules(Session session, BenchReport report) {
        Analyzer analyzer = new Analyzer(decoder, RuleConfig.defaults(), finding -> { });
        SessionReplay.replay(session, analyzer);
        analyzer.catchUp(); // analyse what the replay handed over here, not behind the next figures
        long withRules = heap.usedAfterGc();
        Reference.reachabilityFence(analyzer);
        long events = session.frameCount();
        long raw = rawTextBytes(session);
        double perEvent = (double) (withRules - without - raw) / events;
        double sessionOnly = (double) (withSession - without - raw) / events;
        double rawPerEvent = (double) raw / events;
        report.add(new Row("4 memory", "heap per captured event beyond its raw text, after GC, "
                + Fmt.count(events) + " events (session + rules state)",
                Fmt.count(perEvent) + " B", Fmt.count(rawPerEvent) + " B raw text", Fmt.ratio(perEvent / rawPerEvent),
                "<= " + Fmt.count(GOAL_BYTES) + " B", Row.Verdict.of(perEvent <= GOAL_BYTES)));
        report.note(String.format("memory: session alone %s B/event beyond the text, rules state %s B/event",
                Fmt.count(sessionOnly), Fmt.count(perEvent - sessionOnly)));
        report.value("heap_bytes_per_event", Fmt.round2(perEvent));
        heap.usedAfterGc(); // the rules' state, now dead, is not left in the old generation for the next figures
    }

    private static long rawTextBytes(Session session) {
        long total = 0;
        for (Lane lane : session.lanes()) {
            for (Frame frame : lane.frames()) {
                total += frame.size();
            }
        }
        return total;
    }
}
