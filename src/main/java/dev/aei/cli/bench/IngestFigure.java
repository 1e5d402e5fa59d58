package dev.aei.cli.bench;

import dev.aei.server.BackendConfig;
import dev.aei.server.ReferenceBackend;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Figure 1: 50 users on loopback with the reference backend sending as fast as it can; the
 * inspector's capture (journal and rules on) against bare clients that only count frames. Both
 * talk to the same server (in this process) in the same run, in alternating rounds, each round on
 * fresh sockets; each side runs in a process of its own ({@link IngestSide}).
 */
final class IngestFigure {
    static final double GOAL_RATIO = 0.9;
    private static final long TIMEOUT_SECONDS = 120;

    private final BenchSizes sizes;

    IngestFigure(BenchSizes sizes) {
        this.sizes = sizes;
    }

    void run(Path dir, BenchReport report) throws Exception {
        BackendConfig config = BackendConfig.defaults().withEventDelayMs(0);
        try (ReferenceBackend backend = ReferenceBackend.start(config);
             SideProcess inspector = side(dir, config, backend, "inspector");
             SideProcess bare = side(dir, config, backend, "bare")) {
            for (int w = 0; w < sizes.ingestWarmups(); w++) {
                inspector.round("w" + w + "a");
                bare.round("w" + w + "b");
            }
            double[] ours = new double[sizes.ingestRounds()];
            double[] reference = new double[sizes.ingestRounds()];
            long lost = 0;
            long received = 0;
            for (int r = 0; r < sizes.ingestRounds(); r++) {
                boolean inspectorFirst = r % 2 == 0;
                IngestRound first = (inspectorFirst ? inspector : bare).round("r" + r + "a");
                IngestRound second = (inspectorFirst ? bare : inspector).round("r" + r + "b");
                IngestRound mine = inspectorFirst ? first : second;
                ours[r] = mine.framesPerSecond();
                reference[r] = (inspectorFirst ? second : first).framesPerSecond();
                lost += mine.lost();
                received += mine.received();
            }
            report(report, ours, reference, lost, received);
        }
    }

    private SideProcess side(Path dir, BackendConfig config, ReferenceBackend backend, String name) throws IOException {
        return SideProcess.start(dir, config.secret(), name, backend.webSocketUrl().toString(),
                String.valueOf(sizes.users()), String.valueOf(sizes.runsPerUser()),
                dir.resolve("ingest.jsonl").toString(), String.valueOf(TIMEOUT_SECONDS));
    }

    private static String roundRatios(double[] ours, double[] reference) {
        StringBuilder ratios = new StringBuilder();
        for (int r = 0; r < ours.length; r++) {
            ratios.append(r == 0 ? "" : ", ").append(Fmt.ratio(ours[r] / reference[r]));
        }
        return ratios.toString();
    }

    private void report(BenchReport report, double[] ours, double[] reference, long lost, long received) {
        double oursRate = Stats.median(ours);
        double referenceRate = Stats.median(reference);
        double ratio = oursRate / referenceRate;
        long perRound = (long) sizes.users() * sizes.runsPerUser() * IngestClient.EVENTS_PER_RUN;
        report.add(new Row("1 ingest", sizes.users() + " users, backend as fast as it can, " + Fmt.count(perRound)
                + " frames per round: capture + journal + rules vs bare counting clients, a process each (median of "
                + sizes.ingestRounds() + " alternating rounds)", Fmt.rate(oursRate), Fmt.rate(referenceRate) + " bare",
                Fmt.ratio(ratio), ">= " + GOAL_RATIO + ", 0 lost", Row.Verdict.of(ratio >= GOAL_RATIO && lost == 0)));
        report.note("ingest: the inspector received " + Fmt.count(received) + " frames in the measured rounds, lost "
                + lost + "; each round's ratio: " + roundRatios(ours, reference));
        report.value("ingest_ratio", Fmt.round2(ratio));
        report.value("ingest_lost_frames", lost);
    }
}
