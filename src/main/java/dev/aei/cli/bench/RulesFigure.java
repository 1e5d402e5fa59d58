package dev.aei.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aei.analysis.Analyzer;
import dev.aei.analysis.RuleConfig;
import dev.aei.capture.CaptureListener;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.protocol.EventDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Figure 6: every rule run offline over the session's frames in stamp order, against a bare loop
 * that only parses each frame (Jackson {@code readTree}); rounds alternate which goes first.
 */
final class RulesFigure {
    static final double GOAL_EVENTS_PER_S = 1_000_000;

    private final BenchSizes sizes;
    private final EventDecoder decoder;
    private final ObjectMapper json = new ObjectMapper();
    private int findings;

    RulesFigure(BenchSizes sizes, EventDecoder decoder) {
        this.sizes = sizes;
        this.decoder = decoder;
    }

    void run(StampOrder frames, BenchReport report) {
        double[] ours = new double[sizes.rounds()];
        double[] bare = new double[sizes.rounds()];
        rules(frames);
        parseOnly(frames);
        for (int round = 0; round < sizes.rounds(); round++) {
            if (round % 2 == 0) {
                ours[round] = rules(frames);
                bare[round] = parseOnly(frames);
            } else {
                bare[round] = parseOnly(frames);
                ours[round] = rules(frames);
            }
        }
        double oursRate = Stats.median(ours);
        double bareRate = Stats.median(bare);
        double ratio = oursRate / bareRate;
        report.add(new Row("6 rules", "all rules offline over " + Fmt.count(frames.size())
                + " events vs a loop that only parses them (median of " + sizes.rounds() + ")",
                Fmt.rate(oursRate), Fmt.rate(bareRate) + " parse only", Fmt.ratio(ratio),
                ">= " + Fmt.rate(GOAL_EVENTS_PER_S), Row.Verdict.of(oursRate >= GOAL_EVENTS_PER_S)));
        report.note("rules: " + findings + " findings on the healthy synthetic session (expected: 0)");
        report.value("rules_events_per_s", Math.round(oursRate));
        report.value("rules_ratio", Fmt.round2(ratio));
    }

    /** Events per second through the analyzer (decoding included), ending the analysis. */
    private double rules(StampOrder frames) {
        long start = System.nanoTime();
        Analyzer analyzer = new Analyzer(decoder, RuleConfig.defaults(), finding -> { });
        frames.replay(analyzer);
        analyzer.finish(frames.lastNanos());
        double rate = frames.size() * 1e9 / (System.nanoTime() - start);
        findings = analyzer.findings().size();
        return rate;
    }

    /** Events per second when each frame is only parsed into a tree. */
    private double parseOnly(StampOrder frames) {
        Parser parser = new Parser();
        long start = System.nanoTime();
        frames.replay(parser);
        double rate = frames.size() * 1e9 / (System.nanoTime() - start);
        if (parser.nodes != frames.size()) {
            throw new IllegalStateException("parsed " + parser.nodes + " of " + frames.size() + " frames");
        }
        return rate;
    }

    /** The bare loop's body: parse, count, nothing else. */
    private final class Parser implements CaptureListener {
        private long nodes;

        @Override
        public void frameAppended(Lane lane, Frame frame) {
            try {
                nodes += json.readTree(frame.text()).isObject() ? 1 : 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
