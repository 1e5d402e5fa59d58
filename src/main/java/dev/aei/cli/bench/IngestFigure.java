package dev.aei.cli.bench;

import dev.aei.auth.MintingTokenSource;
import dev.aei.auth.TestUser;
import dev.aei.auth.TokenSource;
import dev.aei.protocol.EventDecoder;
import dev.aei.server.BackendConfig;
import dev.aei.server.ReferenceBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Figure 1: 50 users on loopback with the reference backend sending as fast as it can; the
 * inspector's capture (journal and rules on) against bare clients that only count frames. Both
 * talk to the same server in the same run, in alternating rounds, each round on fresh sockets.
 */
final class IngestFigure {
    static final double GOAL_RATIO = 0.9;
    private static final long TIMEOUT_SECONDS = 120;

    private final BenchSizes sizes;
    private final EventDecoder decoder;

    IngestFigure(BenchSizes sizes, EventDecoder decoder) {
        this.sizes = sizes;
        this.decoder = decoder;
    }

    void run(Path dir, BenchReport report) throws Exception {
        BackendConfig config = BackendConfig.defaults().withEventDelayMs(0);
        TokenSource tokens = MintingTokenSource.hs256(config.secret());
        List<TestUser> users = new ArrayList<>();
        for (int i = 0; i < sizes.users(); i++) {
            users.add(TestUser.named(RunStream.userId(i)));
        }
        try (ReferenceBackend backend = ReferenceBackend.start(config)) {
            Supplier<IngestClient> inspector = () -> new InspectorClients(backend.webSocketUrl(), users, tokens,
                    decoder, dir.resolve("ingest.jsonl"), TIMEOUT_SECONDS);
            Supplier<IngestClient> bare = () -> new BareClients(backend.webSocketUrl(), users, tokens,
                    TIMEOUT_SECONDS);
            for (int w = 0; w < sizes.ingestWarmups(); w++) {
                round(inspector, "w" + w + "a");
                round(bare, "w" + w + "b");
            }
            double[] ours = new double[sizes.ingestRounds()];
            double[] reference = new double[sizes.ingestRounds()];
            long lost = 0;
            long received = 0;
            for (int r = 0; r < sizes.ingestRounds(); r++) {
                boolean inspectorFirst = r % 2 == 0;
                IngestRound first = round(inspectorFirst ? inspector : bare, "r" + r + "a");
                IngestRound second = round(inspectorFirst ? bare : inspector, "r" + r + "b");
                IngestRound mine = inspectorFirst ? first : second;
                ours[r] = mine.framesPerSecond();
                reference[r] = (inspectorFirst ? second : first).framesPerSecond();
                lost += mine.lost();
                received += mine.received();
            }
            report(report, ours, reference, lost, received);
        }
    }

    private IngestRound round(Supplier<IngestClient> side, String tag) throws Exception {
        try (IngestClient client = side.get()) {
            client.connect();
            return client.burst(sizes.runsPerUser(), tag);
        }
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
                + " frames per round: capture + journal + rules vs bare counting clients (median of "
                + sizes.ingestRounds() + " alternating rounds)", Fmt.rate(oursRate), Fmt.rate(referenceRate) + " bare",
                Fmt.ratio(ratio), ">= " + GOAL_RATIO + ", 0 lost", Row.Verdict.of(ratio >= GOAL_RATIO && lost == 0)));
        report.note("ingest: the inspector received " + Fmt.count(received) + " frames in the measured rounds, lost "
                + lost + "; each round's ratio: " + roundRatios(ours, reference));
        report.value("ingest_ratio", Fmt.round2(ratio));
        report.value("ingest_lost_frames", lost);
    }
}
