package dev.aei.cli;

import dev.aei.fixture.Fixture;
import dev.aei.fixture.FixtureException;
import dev.aei.fixture.Progress;
import dev.aei.fixture.SessionFiles;
import dev.aei.loadtest.GatlingExport;
import dev.aei.loadtest.GatlingExportException;
import dev.aei.loadtest.GatlingSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code export gatling}: a recording as a standalone Maven project with a Gatling simulation. */
@Command(name = "gatling", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a recording as a standalone Maven project that load-tests the backend with Gatling: "
                + "each virtual user replays a recorded user's messages with its own id, token, canaries and threads, "
                + "and checks each run's events in the recorded order and that nothing of another user reaches it.",
                "Run it with AEI_SECRET set: mvn gatling:test (see the project's README)."})
public final class ExportGatlingCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FIXTURE", description = "A fixture (*.aei.json), journal or HAR file.")
    private Path file;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The project folder (empty or new).")
    private Path out;

    @Option(names = "--users", defaultValue = "10", paramLabel = "N",
            description = "Virtual users in all, shared over the recorded users (default ${DEFAULT-VALUE}).")
    private int users;

    @Option(names = "--ramp", defaultValue = "60s", converter = DurationConverter.class,
            paramLabel = "DURATION", description = "Over how long they arrive, 0s for at once (default ${DEFAULT-VALUE}).")
    private Duration ramp;

    @Option(names = "--server", paramLabel = "URL", description = "WebSocket URL to load (default: the recorded one).")
    private String server;

    @Option(names = "--run-timeout", defaultValue = "60s", converter = DurationConverter.class,
            paramLabel = "DURATION", description = "Longest wait for a run to end (default ${DEFAULT-VALUE}).")
    private Duration runTimeout;

    @Option(names = "--auth", paramLabel = "MODE", description = "header, subprotocol, query or ticket (default: as recorded).")
    private String auth;

    @Option(names = "--profile", paramLabel = "NAME|FILE", description = "Event profile (default: as recorded).")
    private String profile;

    @Option(names = "--force", description = "Write into DIR even when it is not empty.")
    private boolean force;

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            GatlingSettings settings = new GatlingSettings(server, users, ramp, runTimeout, auth, profile);
            Fixture recording = SessionFiles.defaults().open(file, Progress.NONE);
            GatlingExport.Written written = new GatlingExport().write(recording, file.getFileName().toString(), out,
                    settings, force);
            written.notes().forEach(note -> console.println("note: " + note));
            console.println("wrote " + written.simulation() + " (" + written.files().size() + " files) to " + out);
            console.println("run it: cd " + out + " && AEI_SECRET=... mvn gatling:test");
            console.flush();
            return Main.OK;
        } catch (FixtureException | GatlingExportException | IllegalArgumentException e) {
            err.println("export gatling: " + e.getMessage());
            err.flush();
            return Main.USAGE_OR_IO;
        }
    }
}
