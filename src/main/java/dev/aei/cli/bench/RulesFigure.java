package dev.aei.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aei.analysis.Analyzer;
import dev.aei.analysis.Finding;
import dev.aei.analysis.RuleConfig;
import dev.aei.analysis.SessionReplay;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.Session;
import dev.aei.protocol.EventDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Figure 6: every rule run offline over the session (as {@code check} does), against a bare loop
 * that only parses each frame (Jackson {@code readTree}); rounds alternate which goes first.
 */
final class RulesFigure {
    static final double GOAL_EVENTS_PER_S = 1_000_000;
    static final double GOAL_RATIO = 1.0;
    /**
     * Unmeasured rounds of each side first. The replay's first rounds in a fresh process ran 1.3 to 3
     * times slower than later ones (the compiler still at work on its many hot methods, the young
     * generation still being sized while the rules' state grows); the figure is about throughput.
     * The quick run keeps one, to stay under a minute.
     */
    private static final int WARM_UPS = 4;

    private final BenchSizes sizes;
    private final EventDecoder decoder;
    private final ObjectMapper json = new ObjectMapper();
    private int findings;
    private int contractFindings;

    RulesFigure(BenchSizes sizes, EventDecoder decoder) {
        this.sizes = sizes;
        this.decoder = decoder;
    }

    void run(Session session, BenchReport report) throws Exception {
        int warmUps = sizes.quick() ? 1 : WARM_UPS;
        Alternation.Medians rates = Alternation.run(sizes.rounds(), warmUps, () -> rules(session),
                () -> parseOnly(session));
        double ratio = rates.ratio();
        boolean met = rates.ours() >= GOAL_EVENTS_PER_S && ratio >= GOAL_RATIO;
        report.add(new Row("6 rules", "all rules offline (SessionReplay) over " + Fmt.count(session.frameCount())
                + " events vs a loop that only parses them (median of " + sizes.rounds() + ", after " + warmUps
                + " warm-up)",
                Fmt.rate(rates.ours()), Fmt.rate(rates.reference()) + " parse only", Fmt.ratio(ratio),
                ">= " + GOAL_RATIO + " x parse only, >= " + Fmt.rate(GOAL_EVENTS_PER_S), Row.Verdict.of(met)));
        report.note("rules: the first warm-up round (cold) ran " + Fmt.rate(rates.coldOurs()) + " against "
                + Fmt.rate(rates.coldReference()) + " parse only");
        report.note("rules: " + findings + " findings on the healthy synthetic session (expected: 0), and "
                + contractFindings + " client-contract warnings (the bridge's shape: 3 per lane)");
        report.value("rules_events_per_s", Math.round(rates.ours()));
        report.value("rules_ratio", Fmt.round2(ratio));
    }

    /** Events per second through the analyzer (decoding included), ending the analysis. */
    private double rules(Session session) {
        long start = System.nanoTime();
        Analyzer analyzer = new Analyzer(decoder, RuleConfig.defaults(), finding -> { });
        // The synthetic runs are in the bridge's shape, which the web client's contract warns about
        // once per lane by design; anything else on this healthy session would be a false finding.
        List<Finding> all = SessionReplay.analyze(session, analyzer);
        findings = (int) all.stream().filter(f -> !f.rule().startsWith("contract-")).count();
        contractFindings = all.size() - findings;
        return session.frameCount() * 1e9 / (System.nanoTime() - start);
    }

    /** Events per second when each frame is only parsed into a tree. */
    private double parseOnly(Session session) {
        long objects = 0;
        long start = System.nanoTime();
        try {
            for (Lane lane : session.lanes()) {
                for (Frame frame : lane.frames()) {
                    objects += json.readTree(frame.text()).isObject() ? 1 : 0;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double rate = session.frameCount() * 1e9 / (System.nanoTime() - start);
        if (objects != session.frameCount()) {
            throw new IllegalStateException("parsed " + objects + " of " + session.frameCount() + " frames");
        }
        return rate;
    }
}
