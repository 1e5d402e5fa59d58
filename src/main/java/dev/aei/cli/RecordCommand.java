package dev.aei.cli;

import dev.aei.analysis.Analyzer;
import dev.aei.analysis.Finding;
import dev.aei.analysis.RuleConfig;
import dev.aei.analysis.SessionReplay;
import dev.aei.auth.Redactor;
import dev.aei.auth.TestUser;
import dev.aei.auth.TokenSource;
import dev.aei.capture.JournalWriter;
import dev.aei.capture.Lane;
import dev.aei.capture.Session;
import dev.aei.fixture.FixtureException;
import dev.aei.fixture.SessionFiles;
import dev.aei.net.AuthMode;
import dev.aei.net.ConnectionSettings;
import dev.aei.net.LaneState;
import dev.aei.net.ReconnectPolicy;
import dev.aei.net.SentPrompt;
import dev.aei.net.SessionConnector;
import dev.aei.net.TicketUrls;
import dev.aei.net.TlsSettings;
import dev.aei.protocol.ClientProfile;
import dev.aei.protocol.EventDecoder;
import dev.aei.protocol.Profile;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code record} command: connects test users, optionally prompts them, and journals everything. */
@Command(name = "record", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Connect one socket per user, send a prompt to all at the same instant, and record "
                + "every frame to a journal.")
public final class RecordCommand implements Callable<Integer> {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final Duration CONNECT_LIMIT = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 50;

    @Mixin
    private FindingsOptions findings;

    @Spec
    private CommandSpec spec;

    @Option(names = "--server", required = true, paramLabel = "URL", description = "WebSocket URL, e.g. ws://127.0.0.1:8765/ws.")
    private URI server;

    @Mixin
    private TokenOptions tokens;

    @Mixin
    private PromptOptions prompts;

    @Option(names = "--user", required = true, paramLabel = "ID", description = "A test user (repeat for more; "
            + "a user named twice signs in on two connections, lanes ID and 'ID #2', like two browser tabs).")
    private List<String> users;

    @Option(names = "--auth", defaultValue = "header", paramLabel = "MODE", description = "header, subprotocol, query or ticket (default ${DEFAULT-VALUE}).")
    private String auth;

    @Option(names = "--ticket-url", paramLabel = "URL", description = "Where tickets are fetched with --auth ticket (default: the profile's ticket path on the --server host).")
    private URI ticketUrl;

    @Option(names = "--profile", defaultValue = "netra", paramLabel = "NAME|FILE", description = "Event profile: netra, ag-ui or a file (default ${DEFAULT-VALUE}).")
    private String profile;

    @Option(names = "--prompt", paramLabel = "TEXT", description = "Send this to every user at the same instant (each with its own canary).")
    private String prompt;

    @Option(names = "--until-complete", description = "Wait until every prompt has started a run (or --answer-timeout "
            + "passed) and every run has finished, then --grace (or give up at --timeout).")
    private boolean untilComplete;

    @Option(names = "--timeout", defaultValue = "60s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Longest wait with --until-complete (default ${DEFAULT-VALUE}).")
    private Duration timeout;

    @Option(names = "--grace", defaultValue = "1s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "With --until-complete, keep recording this long after the last run ended, so late "
                    + "events are still caught (default ${DEFAULT-VALUE}).")
    private Duration grace;

    @Option(names = "--duration", defaultValue = "10s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to record without --until-complete (default ${DEFAULT-VALUE}).")
    private Duration duration;

    @Option(names = "--out", paramLabel = "FILE", description = "Journal file (default sessions/<timestamp>.jsonl); NAME.aei.json saves a fixture (journal NAME.jsonl beside it).")
    private Path out;

    @Option(names = "--reconnect", description = "Reconnect dropped lanes (backoff 1 s doubling to 30 s, with jitter).")
    private boolean reconnect;

    @Option(names = "--trust-store", paramLabel = "FILE", description = "Trust store (PKCS#12, JKS) or PEM CA file for wss://.")
    private Path trustStore;

    @Option(names = "--trust-store-password", paramLabel = "P", description = "Password of --trust-store.")
    private String trustStorePassword;

    @Option(names = "--insecure", description = "wss:// without certificate or hostname checks (self-signed test servers only).")
    private boolean insecure;

    @Option(names = "--ping-interval", defaultValue = "20s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Ping idle sockets this often; no pong within 1.5 intervals drops the lane; 0 = never (default ${DEFAULT-VALUE}).")
    private Duration pingInterval;

    @Option(names = "--max-frame-bytes", defaultValue = "16777216", paramLabel = "N",
            description = "Keep at most N bytes of a frame; larger frames are truncated and flagged (default ${DEFAULT-VALUE}).")
    private int maxFrameBytes;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return record(spec.commandLine().getOut());
        } catch (UsageException | IOException e) {
            err.println("record: " + Redactor.message(e.getMessage()));
            return Main.USAGE_OR_IO;
        }
    }

    private int record(PrintWriter console) throws UsageException, IOException {
        ClientProfile client = clientProfile();
        ConnectionSettings settings = connectionSettings(client);
        TokenSource tokens = tokenSource(client);
        EventDecoder decoder = decoder(settings.maxFrameBytes());
        boolean fixture = out != null && SessionFiles.isFixtureName(out);
        Path journalFile = fixture ? SessionFiles.journalFor(out)
                : out != null ? out : Path.of("sessions", STAMP.format(Clock.systemUTC().instant()) + ".jsonl");
        Session session = Session.start(Redactor.message(server.toString()), settings.authMode().label(), profile);
        Map<String, LaneState> finalStates;
        List<RunTally> tallies;
        boolean timedOut;
        RuleConfig config = ruleConfig();
        Analyzer watch = new Analyzer(decoder, config, null); // tells the wait which prompts and runs are still open
        SessionReplay.attach(session, watch);
        try (JournalWriter journal = JournalWriter.open(journalFile, session);
             SessionConnector connector = new SessionConnector(session, settings, tokens, client)) {
            awaitConnections(connector);
            List<SentPrompt> sent = prompt == null ? List.of() : connector.sendPrompt(laneIds(), prompt);
            tallies = session.lanes().stream().map(lane -> new RunTally(lane, decoder)).toList();
            timedOut = !awaitRecording(connector, sent, tallies, new Settling(session, watch));
            finalStates = states(connector);
            if (timedOut) {
                connector.disconnectAll(Analyzer.GAVE_UP_MARK + " after " + timeout.toSeconds() + " s");
            } else {
                connector.disconnectAll();
            }
        }
        tallies.forEach(RunTally::catchUp);
        new RecordSummary(console).print(journalFile, tallies, finalStates, timedOut ? timeout : null);
        if (fixture) {
            saveFixture(session, decoder, console);
        }
        if (finalStates.values().stream().noneMatch(s -> s.status() == LaneState.Status.CONNECTED
                || s.status() == LaneState.Status.CLOSED)) {
            throw new IOException("no user could connect to " + server);
        }
        session.removeListener(watch);
        Analyzer rules = new Analyzer(decoder, config, null);
        List<Finding> found = SessionReplay.analyze(session, rules, timedOut);
        return findings.report(found, session.lanes().stream().map(Lane::id).toList(), rules.config().enabled(),
                console, spec.commandLine().getErr());
    }

    private void saveFixture(Session session, EventDecoder decoder, PrintWriter console) throws IOException {
        try {
            SessionFiles.defaults().saveAnalysed(session, decoder.profile(), out);
            console.println("fixture: " + out + " (secrets redacted)");
        } catch (FixtureException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** One connection per --user: a user named twice gets two lanes ({@code alice}, {@code alice #2}). */
    private List<TestUser> connections() {
        return TestUser.connections(users.stream().map(TestUser::named).toList());
    }

    private List<String> laneIds() {
        return connections().stream().map(TestUser::lane).toList();
    }

    private void awaitConnections(SessionConnector connector) throws IOException {
        List<TestUser> testUsers = connections();
        try {
            connector.connectAll(testUsers).get(CONNECT_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // users still connecting are reported with their state; the others go on
        } catch (ExecutionException e) {
            throw new IOException("connecting failed: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting", e);
        }
    }

    /** Waits for the runs (or the duration); false when --until-complete gave up at the timeout. */
    private boolean awaitRecording(SessionConnector connector, List<SentPrompt> sent, List<RunTally> tallies,
                                   Settling settling) throws IOException {
        boolean waitForRuns = untilComplete && !sent.isEmpty();
        long deadline = System.nanoTime() + (waitForRuns ? timeout : duration).toNanos();
        while (System.nanoTime() < deadline) {
            tallies.forEach(RunTally::catchUp);
            if (!anyLaneLive(connector)) {
                return true;
            }
            if (waitForRuns && settling.settledFor(grace)) {
                return true;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while recording", e);
            }
        }
        return !waitForRuns;
    }

    /**
     * What an until-complete wait waits for, on the session clock: every prompt has started a run
     * or run out of time to, and every run has ended; then the grace period, so an event that
     * trails the last completion is still recorded.
     */
    private static final class Settling {
        private final Session session;
        private final Analyzer watch;
        private long settledSince = -1;

        Settling(Session session, Analyzer watch) {
            this.session = session;
            this.watch = watch;
        }

        boolean settledFor(Duration grace) {
            long now = session.clock().next();
            watch.tick(now); // lets unanswered prompts time out even when nothing arrives
            boolean settled = watch.waitingPrompts() == 0 && watch.openRuns().isEmpty();
            if (!settled) {
                settledSince = -1;
                return false;
            }
            if (settledSince < 0) {
                settledSince = now;
            }
            return now - settledSince >= grace.toNanos();
        }
    }

    /** True while some lane is connected or about to be again, so frames can still arrive. */
    private boolean anyLaneLive(SessionConnector connector) {
        return laneIds().stream().map(connector::state).anyMatch(s -> s.status() == LaneState.Status.CONNECTED
                || s.status() == LaneState.Status.CONNECTING || s.status() == LaneState.Status.RECONNECTING);
    }

    private Map<String, LaneState> states(SessionConnector connector) {
        Map<String, LaneState> states = new LinkedHashMap<>();
        laneIds().forEach(lane -> states.put(lane, connector.state(lane)));
        return states;
    }

    private RuleConfig ruleConfig() throws UsageException {
        if (grace.isNegative()) {
            throw new UsageException("--grace must not be negative");
        }
        try {
            return findings.ruleConfig();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private ConnectionSettings connectionSettings(ClientProfile client) throws UsageException {
        String scheme = server.getScheme() == null ? "" : server.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw new UsageException("--server must be a ws:// or wss:// URL, got " + server);
        }
        AuthMode mode;
        try {
            mode = AuthMode.parse(auth);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--auth must be header, subprotocol, query or ticket, got " + auth);
        }
        if (mode == AuthMode.TICKET && TicketUrls.resolve(server, ticketUrl, client.ticket()) == null) {
            throw new UsageException("--auth ticket needs --ticket-url (the profile names no ticket path)");
        }
        if (timeout.isZero() || timeout.isNegative() || duration.isNegative() || pingInterval.isNegative()) {
            throw new UsageException("--timeout must be positive, --duration and --ping-interval not negative");
        }
        if (maxFrameBytes < 1) {
            throw new UsageException("--max-frame-bytes must be positive");
        }
        if (insecure && trustStore != null) {
            throw new UsageException("use either --insecure or --trust-store, not both");
        }
        if (insecure) {
            spec.commandLine().getErr().println("record: WARNING --insecure: server certificates and host names are not checked");
        }
        TlsSettings tls = insecure ? TlsSettings.insecureForTesting()
                : trustStore != null ? TlsSettings.trusting(trustStore, trustStorePassword) : TlsSettings.SYSTEM;
        return new ConnectionSettings(server, mode, ticketUrl, pingInterval, maxFrameBytes,
                reconnect ? ReconnectPolicy.defaults() : ReconnectPolicy.OFF, tls);
    }

    private TokenSource tokenSource(ClientProfile client) throws UsageException {
        try {
            return tokens.tokenSource(client.claims());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private ClientProfile clientProfile() throws UsageException {
        try {
            return prompts.apply(ClientProfile.load(profile));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private EventDecoder decoder(int frameLimit) throws UsageException {
        try {
            return new EventDecoder(Profile.load(profile), frameLimit);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** A problem with the command line, reported as one line with exit code 2. */
    private static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /** Reads durations such as {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, a plain number of seconds or ISO-8601. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

        @Override
        public Duration convert(String value) {
            Matcher m = SHORT.matcher(value.trim().toLowerCase(Locale.ROOT));
            if (m.matches()) {
                long amount = Long.parseLong(m.group(1));
                String unit = m.group(2) == null ? "s" : m.group(2);
                return switch (unit) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofSeconds(amount);
                };
            }
            try {
                return Duration.parse(value.trim());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not a duration: '" + value + "' (use e.g. 500ms, 10s, 2m)");
            }
        }
    }
}
