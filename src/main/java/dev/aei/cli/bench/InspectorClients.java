package dev.aei.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aei.analysis.Analyzer;
import dev.aei.analysis.RuleConfig;
import dev.aei.auth.TestUser;
import dev.aei.auth.TokenSource;
import dev.aei.capture.CaptureListener;
import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.capture.JournalWriter;
import dev.aei.capture.Lane;
import dev.aei.capture.Session;
import dev.aei.net.AuthMode;
import dev.aei.net.ConnectionSettings;
import dev.aei.net.SessionConnector;
import dev.aei.protocol.EventDecoder;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The ingest figure's subject: the inspector's own capture path, as {@code record} runs it —
 * one {@link SessionConnector} socket per user into a {@link Session} with the journal on disk and
 * the live rules attached.
 */
final class InspectorClients implements IngestClient {
    private final URI server;
    private final List<TestUser> users;
    private final TokenSource tokens;
    private final EventDecoder decoder;
    private final Path journalFile;
    private final long timeoutSeconds;
    private final ObjectMapper json = new ObjectMapper();
    private final Arrivals arrivals = new Arrivals();
    private Session session;
    private JournalWriter journal;
    private Analyzer analyzer;
    private SessionConnector connector;

    InspectorClients(URI server, List<TestUser> users, TokenSource tokens, EventDecoder decoder, Path journalFile,
                     long timeoutSeconds) {
        this.server = server;
        this.users = users;
        this.tokens = tokens;
        this.decoder = decoder;
        this.journalFile = journalFile;
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public void connect() throws Exception {
        session = Session.start(server.toString(), AuthMode.HEADER.name().toLowerCase(), "netra");
        journal = JournalWriter.open(journalFile, session);
        analyzer = new Analyzer(decoder, RuleConfig.defaults(), finding -> { });
        session.addListener(analyzer);
        session.addListener(new CaptureListener() {
            @Override
            public void frameAppended(Lane lane, Frame frame) {
                if (frame.direction() == Direction.IN) {
                    arrivals.arrived();
                }
            }
        });
        connector = new SessionConnector(session, ConnectionSettings.of(server, AuthMode.HEADER), tokens);
        arrivals.expect(users.size());
        connector.connectAll(users).get(timeoutSeconds, TimeUnit.SECONDS);
        if (arrivals.awaitNanos(timeoutSeconds) < 0) {
            throw new IllegalStateException("inspector: only " + arrivals.count() + " of " + users.size()
                    + " greetings arrived");
        }
    }

    @Override
    public IngestRound burst(int runs, String threadTag) throws Exception {
        long perSocket = (long) runs * EVENTS_PER_RUN;
        arrivals.expect(perSocket * users.size());
        long start = System.nanoTime();
        for (TestUser user : users) {
            connector.send(user.id(), IngestClient.request(json, user.id(), threadTag, runs));
        }
        long end = arrivals.awaitNanos(timeoutSeconds);
        long lost = 0;
        long received = 0;
        for (Lane lane : session.lanes()) {
            List<String> in = lane.frames().stream().filter(f -> f.direction() == Direction.IN)
                    .map(Frame::text).toList();
            long sent = Math.max(1 + perSocket, in.isEmpty() ? 0 : IngestClient.seqOf(json, in.get(in.size() - 1)));
            lost += Math.max(0, sent - in.size());
            received += in.size() - 1;
        }
        double seconds = ((end < 0 ? System.nanoTime() : end) - start) / 1e9;
        return new IngestRound(received / seconds, received, lost);
    }

    @Override
    public void close() throws Exception {
        if (connector != null) {
            connector.close();
            analyzer.finish(session.clock().next());
            journal.close();
        }
        connector = null;
    }
}
