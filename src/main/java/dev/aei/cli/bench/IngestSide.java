package dev.aei.cli.bench;

import dev.aei.auth.MintingTokenSource;
import dev.aei.auth.TestUser;
import dev.aei.protocol.EventDecoder;
import dev.aei.protocol.Profile;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * One side of figure 1 in a process of its own, as the app and a plain client each run in theirs:
 * in one process the two sides' code would share the compiler's profiles (the socket library is
 * compiled for whichever side warmed it up) and the other figures' heap. The bench process says
 * {@code round TAG} on its input for each round; this answers with one {@link #REPLY} line.
 */
public final class IngestSide {
    /** Start of each line this process writes for the bench to read. */
    static final String REPLY = "aei-ingest ";
    /** The environment variable holding the backend's token secret (not on the command line). */
    static final String SECRET_VARIABLE = "AEI_BENCH_SECRET";

    private IngestSide() {
    }

    /**
     * Arguments: {@code inspector|bare}, the backend's URL, users, runs per user, the journal file,
     * timeout in seconds.
     */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Supplier<IngestClient> side = side(args);
        int runsPerUser = Integer.parseInt(args[3]);
        out.println(REPLY + "ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && line.startsWith("round "); line = in.readLine()) {
            try (IngestClient client = side.get()) {
                client.connect();
                IngestRound round = client.burst(runsPerUser, line.substring("round ".length()));
                out.println(REPLY + String.format(Locale.ROOT, "done %.3f %d %d", round.framesPerSecond(),
                        round.received(), round.lost()));
            }
        }
    }

    private static Supplier<IngestClient> side(String[] args) {
        URI server = URI.create(args[1]);
        List<TestUser> users = new ArrayList<>();
        for (int i = 0; i < Integer.parseInt(args[2]); i++) {
            users.add(TestUser.named(RunStream.userId(i)));
        }
        MintingTokenSource tokens = MintingTokenSource.hs256(System.getenv(SECRET_VARIABLE));
        long timeoutSeconds = Long.parseLong(args[5]);
        if (args[0].equals("bare")) {
            return () -> new BareClients(server, users, tokens, timeoutSeconds);
        }
        EventDecoder decoder = new EventDecoder(Profile.load("netra"));
        Path journal = Path.of(args[4]);
        return () -> new InspectorClients(server, users, tokens, decoder, journal, timeoutSeconds);
    }
}
