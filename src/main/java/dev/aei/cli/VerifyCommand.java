package dev.aei.cli;

import dev.aei.analysis.JUnitReport;
import dev.aei.auth.AuthException;
import dev.aei.auth.Redactor;
import dev.aei.capture.Session;
import dev.aei.fixture.Fixture;
import dev.aei.fixture.FixtureException;
import dev.aei.fixture.Progress;
import dev.aei.fixture.SessionFiles;
import dev.aei.fixture.VerifyJunit;
import dev.aei.fixture.VerifyOptions;
import dev.aei.fixture.VerifyReport;
import dev.aei.inspect.Decoders;
import dev.aei.inspect.LiveSettings;
import dev.aei.inspect.TokenSettings;
import dev.aei.inspect.Verification;
import dev.aei.net.AuthMode;
import dev.aei.net.TicketUrls;
import dev.aei.protocol.ClientProfile;
import dev.aei.protocol.MessageTemplate;
import java.io.PrintWriter;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code verify} command: re-runs a recording against a live backend and compares. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Re-send a recording's client messages (fresh tokens, canaries and thread ids) to a live "
                + "backend and compare per run: event roles in order with tools, and which findings are raised.",
                "Exit 0 when equal, 1 with the differences, 2 on a usage or I/O error."})
public final class VerifyCommand implements Callable<Integer> {

    private final Decoders decoders;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FIXTURE", description = "A fixture (*.aei.json), HAR file or journal.")
    private Path file;

    @Option(names = "--server", required = true, paramLabel = "URL", description = "WebSocket URL of the live backend.")
    private URI server;

    @Mixin
    private TokenOptions tokens;

    @Option(names = "--auth", paramLabel = "MODE", description = "header, subprotocol, query or ticket (default: as recorded, else header).")
    private String auth;

    @Option(names = "--ticket-url", paramLabel = "URL", description = "Where tickets are fetched with --auth ticket (default: the profile's ticket path on the --server host).")
    private URI ticketUrl;

    @Option(names = "--profile", paramLabel = "NAME|FILE", description = "Event profile (default: as recorded).")
    private String profile;

    @Option(names = "--send-as", paramLabel = "NAME|FILE",
            description = "Re-send the recorded prompts with this template: a name the profile offers or a file "
                    + "holding a JSON template (default: as recorded).")
    private String sendAs;

    @Option(names = "--junit", paramLabel = "FILE",
            description = "Write the comparison as JUnit XML (a new file, or a report aei wrote before).")
    private Path junit;

    @Option(names = "--quiet", defaultValue = "1500ms", converter = DurationConverter.class,
            paramLabel = "DURATION", description = "A lane silent this long has answered (default ${DEFAULT-VALUE}).")
    private Duration quiet;

    @Option(names = "--timeout", defaultValue = "60s", converter = DurationConverter.class,
            paramLabel = "DURATION", description = "Longest wait for any answer (default ${DEFAULT-VALUE}).")
    private Duration timeout;

    @Mixin
    private CanaryOptions canaries;

    @Option(names = "--compare-types", description = "Compare event type names, not only their roles.")
    private boolean compareTypes;

    @Option(names = "--count-findings", description = "Compare how often each finding is raised, not only whether.")
    private boolean countFindings;

    /** A command reading frames with freshly loaded profiles. */
    public VerifyCommand() {
        this(new Decoders());
    }

    /** A command whose decoders come from {@code decoders} (which counts what they decode). */
    VerifyCommand(Decoders decoders) {
        this.decoders = decoders;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (junit != null) {
                ReportTarget.check("--junit", junit, JUnitReport::writtenByAei, Map.of(file, "the fixture verified"));
            }
            Fixture fixture = SessionFiles.defaults().open(file, Progress.NONE);
            Session recorded = fixture.session();
            String profileName = profile != null ? profile : orDefault(recorded.info().profile(), "netra");
            ClientProfile client = ClientProfile.load(profileName);
            VerifyOptions options = VerifyOptions.defaults()
                    .withQuiet(quiet).withTimeout(timeout).withStrictness(compareTypes, countFindings)
                    .withCanaries(canaries.patterns());
            LiveSettings settings = liveSettings(recorded, profileName, client).withRules(options.ruleConfig());
            MessageTemplate template = sendAs == null ? null : PromptOptions.template(client, sendAs);
            VerifyReport report = new Verification(decoders, options, line -> {
                out.println(line);
                out.flush();
            }).verify(recorded, settings, template);
            if (junit != null) {
                writeJunit(report);
            }
            print(out, report);
            return report.passed() ? Main.OK : Main.FINDINGS;
        } catch (FixtureException | IllegalArgumentException | IllegalStateException e) {
            err.println("verify: " + new Redactor().text(String.valueOf(e.getMessage())));
            return Main.USAGE_OR_IO;
        }
    }

    private void writeJunit(VerifyReport report) throws FixtureException {
        try {
            ReportTarget.makeFolders(junit);
        } catch (IOException e) {
            throw new FixtureException("cannot write JUnit XML: " + ReportTarget.reason(e), e);
        }
        VerifyJunit.write(report, JUnitReport.NAME_PREFIX + "verify " + file.getFileName(), junit);
    }

    private static void print(PrintWriter out, VerifyReport report) {
        if (report.passed()) {
            out.println("verify: the backend behaved as recorded (" + report.checks().size() + " checks)");
        } else {
            out.println("verify: " + report.differences().size() + " difference(s) from the recording:");
            report.differences().forEach(d -> out.println("  " + d));
        }
        out.flush();
    }

    /** The live session the options describe, as {@code record} builds it; its tokens are tried once here. */
    private LiveSettings liveSettings(Session recorded, String profileName, ClientProfile client) {
        String scheme = String.valueOf(server.getScheme()).toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw new IllegalArgumentException("--server must be a ws:// or wss:// URL, got " + server);
        }
        AuthMode mode = AuthMode.parse(auth != null ? auth : orDefault(recorded.info().authMode(), "header"));
        if (mode == AuthMode.TICKET && TicketUrls.resolve(server, ticketUrl, client.ticket()) == null) {
            throw new IllegalArgumentException("--auth ticket needs --ticket-url (the profile names no ticket path)");
        }
        TokenSettings tokenSettings = tokens.settings();
        try {
            tokenSettings.tokenSource(client.claims()); // a bad key is a usage error before anyone connects
        } catch (AuthException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        // pings every 20 s, 16 MiB frames, no reconnects, the system trust store; the caller sets the rules
        return new LiveSettings(server, mode, ticketUrl, profileName, client, tokenSettings, null, 0, null, null,
                null);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
