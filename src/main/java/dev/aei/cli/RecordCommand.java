package dev.aei.cli;

import dev.aei.analysis.Analyzer;
import dev.aei.analysis.Finding;
import dev.aei.analysis.RuleConfig;
import dev.aei.auth.AuthException;
import dev.aei.auth.Redactor;
import dev.aei.auth.TestUser;
import dev.aei.capture.JournalWriter;
import dev.aei.capture.Lane;
import dev.aei.capture.Session;
import dev.aei.fixture.Fixture;
import dev.aei.fixture.FixtureException;
import dev.aei.fixture.Progress;
import dev.aei.fixture.SessionFiles;
import dev.aei.inspect.Decoders;
import dev.aei.inspect.Inspection;
import dev.aei.inspect.LiveSettings;
import dev.aei.inspect.TokenSettings;
import dev.aei.net.AuthMode;
import dev.aei.net.LaneState;
import dev.aei.net.ReconnectPolicy;
import dev.aei.net.SentPrompt;
import dev.aei.net.TicketUrls;
import dev.aei.net.TlsSettings;
import dev.aei.protocol.ClientProfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

    private final Decoders decoders;

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

    @Option(names = "--out", paramLabel = "FILE", description = "Journal file NAME.jsonl (default sessions/<timestamp>.jsonl);"
            + " NAME.aei.json (or .aei.json.gz) saves a fixture, NAME.har a HAR (each with the journal NAME.jsonl beside it).")
    private Path out;

    @Option(names = "--force", description = "Write over --out (and the journal beside a fixture) when they exist.")
    private boolean force;

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

    /** A command reading frames with freshly loaded profiles. */
    public RecordCommand() {
        this(new Decoders());
    }

    /** A command whose decoders come from {@code decoders} (which counts what they decode). */
    RecordCommand(Decoders decoders) {
        this.decoders = decoders;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return record(spec.commandLine().getOut());
        } catch (UsageException e) {
            err.println("record: " + Redactor.message(e.getMessage()));
            return Main.USAGE_OR_IO;
        } catch (IOException e) {
            err.println("record: " + Redactor.message(ReportTarget.reason(e)));
            return Main.USAGE_OR_IO;
        }
    }

    private int record(PrintWriter console) throws UsageException, IOException {
        LiveSettings settings = liveSettings(clientProfile());
        // a fixture or HAR is saved at the end from the journal written beside it
        boolean saved = out != null && (SessionFiles.isFixtureName(out) || SessionFiles.isHarName(out));
        if (out != null && !saved && !out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
            throw new UsageException("--out must end in .jsonl (a journal), .aei.json or .aei.json.gz (a fixture) or"
                    + " .har (a HAR), got " + out);
        }
        Path journalFile = saved ? SessionFiles.journalFor(out) : out != null ? out
                : JournalWriter.unusedName(Path.of("sessions", STAMP.format(Clock.systemUTC().instant()) + ".jsonl"));
        try {
            String outFile = saved && SessionFiles.isHarName(out) ? "the --out HAR" : "the --out fixture";
            findings.checkTargets(saved ? Map.of(out, outFile, journalFile, "the journal beside it")
                    : Map.of(journalFile, "the journal"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        makeRoom(journalFile, saved ? out : null);
        LaneTallies tallies = new LaneTallies();
        Session session;
        Captured captured;
        try (Inspection inspection = new Inspection(decoders, profile)) {
            inspection.addListener(tallies);
            session = inspection.startLive(settings);
            inspection.startJournal(journalFile);
            Thread interrupted = whenInterrupted(inspection, journalFile);
            Runtime.getRuntime().addShutdownHook(interrupted);
            try {
                captured = capture(inspection, settings);
            } finally {
                forget(interrupted);
            }
        }
        Map<String, LaneState> finalStates = captured.finalStates();
        boolean timedOut = captured.timedOut();
        List<Finding> found = captured.findings();
        new RecordSummary(console).print(journalFile, tallies.all(), finalStates, timedOut ? timeout : null);
        if (saved) {
            saveFixture(Fixture.of(session, found), console);
        }
        if (finalStates.values().stream().noneMatch(s -> s.status() == LaneState.Status.CONNECTED
                || s.status() == LaneState.Status.CLOSED)) {
            throw new IOException("no user could connect to " + server);
        }
        return findings.report(found, session.lanes().stream().map(Lane::id).toList(), settings.rules().enabled(),
                console, spec.commandLine().getErr());
    }

    /** What a recording ended with: each lane's last state, whether --timeout cut it short, and the findings. */
    private record Captured(Map<String, LaneState> finalStates, boolean timedOut, List<Finding> findings) {
    }

    /** Connects, sends the prompt, waits as the options say and ends the live session. */
    private Captured capture(Inspection inspection, LiveSettings settings) throws IOException {
        LaneWatch lanes = new LaneWatch(inspection, connections());
        lanes.awaitConnections(settings);
        List<SentPrompt> sent = prompt == null ? List.of() : inspection.sendPrompt(lanes.laneIds(), prompt, null);
        boolean timedOut = false;
        if (untilComplete && !sent.isEmpty()) { // with no prompt sent there are no runs to wait for
            timedOut = !lanes.awaitRuns(timeout, grace);
        } else {
            lanes.recordFor(duration);
        }
        Map<String, LaneState> finalStates = lanes.states();
        if (timedOut) {
            inspection.giveUp(Analyzer.GAVE_UP_REASON + " after " + timeout.toSeconds() + " s");
        } else {
            inspection.disconnectAll();
        }
        return new Captured(finalStates, timedOut, inspection.finishLive(timedOut));
    }

    /**
     * What Ctrl+C (or a kill) in the middle of a recording leaves: the journal flushed and closed, and
     * a line saying where it is and how to make a fixture of it (nothing else is written then).
     */
    private Thread whenInterrupted(Inspection inspection, Path journal) {
        PrintWriter err = spec.commandLine().getErr();
        return new Thread(() -> {
            try {
                inspection.stopJournal();
            } catch (IOException | RuntimeException e) {
                // the journal's lines so far are on disk; its last second may be missing
            }
            err.println("record: interrupted; what was captured is in " + journal + " (aei check " + journal
                    + "; aei convert " + journal + " NAME.aei.json makes a fixture of it)");
            err.flush();
        }, "aei-record-interrupted");
    }

    private static void forget(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down already: the hook runs
        }
    }

    /**
     * Checks, before anyone connects, that the files the recording writes do not exist: they may be
     * someone's evidence. With --force the journal goes (the fixture is replaced whole when it is saved).
     */
    private void makeRoom(Path journal, Path fixtureOrNull) throws UsageException, IOException {
        for (Path file : fixtureOrNull == null ? List.of(journal) : List.of(fixtureOrNull, journal)) {
            if (Files.isDirectory(file)) {
                throw new UsageException(file + " is a folder; --out names the file to write");
            }
            if (Files.exists(file) && !force) {
                throw new UsageException(file + " exists; use --force to replace it");
            }
        }
        if (force) {
            Files.deleteIfExists(journal);
        }
    }

    /** Saves the session with the findings of its one analysis (the same a window's save gives). */
    private void saveFixture(Fixture recorded, PrintWriter console) throws IOException {
        try {
            SessionFiles.defaults().save(recorded, out, Progress.NONE);
            console.println((SessionFiles.isHarName(out) ? "HAR: " : "fixture: ") + out + " (secrets redacted)");
        } catch (FixtureException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** One connection per --user: a user named twice gets two lanes ({@code alice}, {@code alice #2}). */
    private List<TestUser> connections() {
        return TestUser.connections(users.stream().map(TestUser::named).toList());
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

    /** The live settings the options describe, each checked so a mistake is a usage error up front. */
    private LiveSettings liveSettings(ClientProfile client) throws UsageException {
        String scheme = server.getScheme() == null ? "" : server.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw new UsageException("--server must be a ws:// or wss:// URL, got " + server);
        }
        if (server.getHost() == null || server.getPort() > 65_535) {
            throw new UsageException("--server needs a host and a port up to 65535, got " + server);
        }
        if (users.stream().anyMatch(String::isBlank)) {
            throw new UsageException("--user must name a user, got an empty one");
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
        TokenSettings tokenSettings = tokenSettings(client);
        try {
            decoders.profile(profile);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return new LiveSettings(server, mode, ticketUrl, profile, client, tokenSettings, pingInterval, maxFrameBytes,
                reconnect ? ReconnectPolicy.defaults() : ReconnectPolicy.OFF, tls, ruleConfig());
    }

    /** How tokens are made; tried once here, so a bad key or claim is a usage error before anyone connects. */
    private TokenSettings tokenSettings(ClientProfile client) throws UsageException {
        try {
            TokenSettings settings = tokens.settings();
            settings.tokenSource(client.claims());
            return settings;
        } catch (IllegalArgumentException | AuthException e) {
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

    /** A problem with the command line, reported as one line with exit code 2. */
    private static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }
}
