package dev.aei.inspect;

import dev.aei.analysis.Analyzer;
import dev.aei.analysis.Finding;
import dev.aei.analysis.RuleConfig;
import dev.aei.analysis.SessionReplay;
import dev.aei.capture.CaptureListener;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.LaneEvent;
import dev.aei.capture.Session;
import dev.aei.fixture.FileKind;
import dev.aei.fixture.Fixture;
import dev.aei.protocol.EventDecoder;
import java.util.List;

/** Reads an opened file out to an inspection's listeners, decoding each frame once. */
final class FileReading {
    private FileReading() {
    }

    /**
     * Publishes the file's lanes, then its frames and connection events in stamp order, then its
     * findings, and returns them: a fixture brings its findings (no rule runs); a HAR or journal is
     * analysed here as {@code aei check} would, from the same decode that is published.
     */
    static List<Finding> publish(Fixture loaded, EventDecoder decoder, RuleConfig rules, ShownGate gate) {
        Session session = loaded.session();
        session.lanes().forEach(gate::laneAdded);
        if (loaded.kind() == FileKind.FIXTURE) {
            SessionReplay.replay(session, decodingTo(gate, decoder));
            loaded.findings().forEach(gate);
            return loaded.findings();
        }
        Analyzer analyzer = new Analyzer(decoder, rules, null);
        analyzer.addDecodedListener(gate);
        analyzer.addSink(gate);
        return SessionReplay.analyze(session, analyzer, loaded.endsOpen());
    }

    private static CaptureListener decodingTo(ShownGate gate, EventDecoder decoder) {
        return new CaptureListener() {
            @Override
            public void frameAppended(Lane lane, Frame frame) {
                gate.frameDecoded(lane, frame, decoder.decode(lane.id(), frame));
            }

            @Override
            public void laneEventAppended(Lane lane, LaneEvent event) {
                gate.laneEventAppended(lane, event);
            }
        };
    }
}
