package dev.aei.inspect;

import dev.aei.analysis.Analyzer;
import dev.aei.capture.Session;

/** What an inspection shows now, and the gates through which only that session's items reach its listeners. */
final class Showing {
    private final InspectionListener out;
    /** Held while what is shown changes and while a session's gate publishes one of its items. */
    private final Object lock = new Object();
    private volatile Shown shown = Shown.NOTHING;

    /** @param out told about every change of what is shown and every item of the shown session */
    Showing(InspectionListener out) {
        this.out = out;
    }

    /** What is shown now. */
    Shown shown() {
        return shown;
    }

    /**
     * Shows {@code next}: the switch happens under the lock the sessions' gates publish under, so
     * none of the old session's items (from its socket threads or its analysis) can be published
     * after listeners heard of the change.
     */
    void show(Shown next) {
        synchronized (lock) {
            shown = next;
            out.shown(next);
        }
    }

    /** The way out for the session's items: open only while it is the session shown. */
    ShownGate gateFor(Session session) {
        // the lock and the shown session it checks live here, next to the switch, so they cannot drift apart
        return new ShownGate(session, () -> shown.session(), lock, out);
    }

    /**
     * Lets the analysis listen to the session, and publishes the session's lanes and connection
     * events and what the analysis decodes and finds through one gate.
     */
    void publishAnalysed(Session session, Analyzer analyzer) {
        ShownGate gate = gateFor(session);
        // before the analysis listens: lanes and connection events reach listeners before the rules judge them
        session.addListener(gate);
        analyzer.addDecodedListener(gate);
        analyzer.addSink(gate);
        session.addListener(analyzer);
    }
}
