package dev.aei.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aei.auth.JwtPayload;
import dev.aei.auth.MintingTokenSource;
import dev.aei.auth.TestUser;
import dev.aei.capture.Lane;
import dev.aei.capture.Session;
import dev.aei.cli.Main;
import dev.aei.fixture.BrowserHar;
import dev.aei.fixture.Fixture;
import dev.aei.fixture.Progress;
import dev.aei.fixture.SessionFiles;
import dev.aei.inspect.Decoders;
import dev.aei.inspect.Inspection;
import dev.aei.net.AuthMode;
import dev.aei.net.ConnectionSettings;
import dev.aei.net.SessionConnector;
import dev.aei.protocol.Profile;
import dev.aei.server.BackendConfig;
import dev.aei.testing.Await;
import dev.aei.testing.ConsoleCapture;
import dev.aei.testing.LoopbackServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ag-ui profile against a corpus of AG-UI streams ({@code ag-ui-streams.txt}): every invalid
 * stream gets an error finding, of the rule it names, at the event where it goes wrong; every
 * valid one no finding above info. Played as a browser's HAR through {@code aei check}, and live
 * over real sockets on loopback, one connection per stream.
 */
class AgUiCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<AgUiStreams.Stream> STREAMS = AgUiStreams.all();

    @TempDir
    Path dir;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture(); // check prints every finding

    @Test
    void theCorpusHoldsAtLeastSixtyStreamsOfBothKinds() {
        assertThat(STREAMS).hasSizeGreaterThanOrEqualTo(60);
        assertThat(STREAMS).filteredOn(AgUiStreams.Stream::valid).hasSizeGreaterThanOrEqualTo(20);
        assertThat(STREAMS).filteredOn(s -> !s.valid()).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void asABrowsersHarEveryStreamIsJudgedAsTheProtocolSays() throws Exception {
        Path har = har();
        Path findings = dir.resolve("findings.json");
        Main.run("check", har.toString(), "--profile", "ag-ui", "--findings-json", findings.toString());
        // Lanes are named by the sockets' user parameter and hold exactly the streams' events.
        Fixture loaded = SessionFiles.defaults().open(har, Progress.NONE, BrowserHar.readWith(Profile.load("ag-ui")));
        assertThat(loaded.session().info().profile()).isEqualTo("ag-ui"); // a browser's HAR names no profile
        for (AgUiStreams.Stream s : STREAMS) {
            assertThat(loaded.session().lane(s.lane())).as(s.toString()).isNotNull()
                    .extracting(lane -> lane.frames().size()).isEqualTo(s.events().size());
        }
        List<Finding> all = new ArrayList<>();
        for (JsonNode f : JSON.readTree(findings.toFile())) {
            List<Integer> frames = new ArrayList<>();
            f.path("frames").forEach(n -> frames.add(n.asInt()));
            all.add(new Finding(f.path("rule").asText(), dev.aei.analysis.Severity.parse(f.path("severity").asText()),
                    f.path("lane").asText(), f.path("run_id").asText(null), f.path("message").asText(), frames, 0));
        }
        assertJudged(all);
    }

    @Test
    void openedInTheWindowsInspectionWithTheAgUiProfileEveryStreamIsJudgedAsTheProtocolSays() throws Exception {
        Path har = har();
        Inspection window = new Inspection(new Decoders(), "ag-ui"); // the app with ag-ui chosen in its settings
        try {
            window.view(har, SessionFiles.defaults().open(har, Progress.NONE,
                    BrowserHar.readWith(window.decoder().profile())));
            assertThat(window.decoder().profile().name()).isEqualTo("ag-ui");
            assertJudged(window.fixture().findings());
        } finally {
            window.close();
        }
    }

    @Test
    void liveOverRealSocketsEveryStreamIsJudgedAsTheProtocolSays() throws Exception {
        Map<String, AgUiStreams.Stream> byLane = STREAMS.stream()
                .collect(Collectors.toMap(AgUiStreams.Stream::lane, Function.identity()));
        try (StreamServer server = new StreamServer(byLane)) {
            server.startAndWait();
            URI url = URI.create(server.url("/agent"));
            Session session = Session.start(url.toString(), "header", "ag-ui");
            Analyzer analyzer = Analyzer.create(Profile.load("ag-ui"), RuleConfig.defaults(), null);
            session.addListener(analyzer);
            try (SessionConnector connector = new SessionConnector(session, ConnectionSettings.of(url, AuthMode.HEADER),
                    MintingTokenSource.hs256(BackendConfig.DEMO_SECRET))) {
                connector.connectAll(STREAMS.stream().map(s -> TestUser.named(s.lane())).toList())
                        .get(60, TimeUnit.SECONDS);
                for (AgUiStreams.Stream s : STREAMS) {
                    Await.until(() -> received(session, s.lane()) >= s.events().size(),
                            () -> s + ": " + received(session, s.lane()) + " of " + s.events().size() + " events");
                }
                connector.disconnectAll();
            }
            analyzer.finish(session.clock().next(), false);
            assertJudged(analyzer.findings());
        }
    }

    private static int received(Session session, String lane) {
        Lane l = session.lane(lane);
        return l == null ? 0 : l.frames().size();
    }

    /** Every stream's findings (its lane's) fit what the corpus says of it; all misfits are listed at once. */
    private static void assertJudged(List<Finding> findings) {
        Map<String, List<Finding>> byLane = findings.stream().collect(Collectors.groupingBy(Finding::lane));
        List<String> wrong = new ArrayList<>();
        for (AgUiStreams.Stream s : STREAMS) {
            String why = s.misjudged(byLane.getOrDefault(s.lane(), List.of()));
            if (why != null) {
                wrong.add(s + ": " + why);
            }
        }
        assertThat(wrong).as("streams judged wrongly").isEmpty();
    }

    /** One browser HAR holding every stream as a socket of its own, named by its {@code user} parameter. */
    private Path har() throws Exception {
        ObjectNode har = JSON.createObjectNode();
        ObjectNode log = har.putObject("log");
        log.put("version", "1.2");
        log.putObject("creator").put("name", "WebInspector").put("version", "537.36");
        ArrayNode entries = log.putArray("entries");
        double start = 1767866400.0; // 2026-01-08T10:00:00Z
        for (AgUiStreams.Stream s : STREAMS) {
            ObjectNode entry = entries.addObject().put("_resourceType", "websocket")
                    .put("startedDateTime", "2026-01-08T10:00:00.000Z");
            entry.putObject("request").put("method", "GET")
                    .put("url", "ws://localhost:8000/agent?user=" + s.lane()).putArray("headers");
            ArrayNode messages = entry.putArray("_webSocketMessages");
            List<String> frames = s.frames();
            for (int i = 0; i < frames.size(); i++) {
                messages.addObject().put("type", "receive").put("time", start + 0.01 * (i + 1)).put("opcode", 1)
                        .put("data", frames.get(i));
            }
        }
        Path file = dir.resolve("ag-ui-corpus.har");
        Files.writeString(file, har.toString());
        return file;
    }

    /** Plays each connection its stream, chosen by the user its token names, then keeps the socket open. */
    private static final class StreamServer extends LoopbackServer {
        private final Map<String, AgUiStreams.Stream> streams;

        StreamServer(Map<String, AgUiStreams.Stream> streams) {
            this.streams = streams;
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            String auth = handshake.getFieldValue("Authorization");
            String user = JwtPayload.decode(auth.substring(auth.indexOf(' ') + 1))
                    .map(claims -> claims.path("sub").asText()).orElse("");
            AgUiStreams.Stream stream = streams.get(user);
            if (stream == null) {
                conn.close(1008, "no stream for " + user);
                return;
            }
            stream.frames().forEach(conn::send);
        }
    }
}
