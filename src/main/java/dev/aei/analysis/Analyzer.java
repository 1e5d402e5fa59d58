package dev.aei.analysis;

import dev.aei.capture.CaptureListener;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.LaneEvent;
import dev.aei.protocol.EventDecoder;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs every enabled rule over a session's frames as they are appended (live) or replayed
 * (offline, in stamp order); the same frames give the same findings either way.
 */
public final class Analyzer implements CaptureListener {

    public Analyzer(EventDecoder decoder, RuleConfig config, Consumer<Finding> sink) {
    }

    @Override
    public void frameAppended(Lane lane, Frame frame) {
    }

    @Override
    public void laneEventAppended(Lane lane, LaneEvent event) {
    }

    /** Lets time-driven rules (run-incomplete) fire at this session-clock instant. */
    public void tick(long nanos) {
    }

    /** Ends the analysis: open runs are judged as the capture ends at {@code nanos}. */
    public void finish(long nanos) {
    }

    /** All findings so far, in the order they were raised. */
    public List<Finding> findings() {
        throw new UnsupportedOperationException("not built yet");
    }
}
