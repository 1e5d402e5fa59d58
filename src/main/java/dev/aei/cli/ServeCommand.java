package dev.aei.cli;

import dev.aei.capture.Lane;
import dev.aei.fixture.Fixture;
import dev.aei.fixture.FixtureException;
import dev.aei.fixture.FixtureServer;
import dev.aei.fixture.Progress;
import dev.aei.fixture.ServeOptions;
import dev.aei.fixture.SessionFiles;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code serve} command: plays a recording's server side to a frontend until Ctrl+C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve a recording as a WebSocket backend: a client that connects as a recorded user "
                + "and sends the recorded messages gets the recorded server frames, with the recorded timing.",
                "The user is the token's sub (checked when --secret is given), else ?user=NAME."})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FIXTURE", description = "A fixture (*.aei.json), HAR file or journal.")
    private Path file;

    @Option(names = "--port", defaultValue = "8765", description = "Port, 0 for a free one (default ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default ${DEFAULT-VALUE}, loopback only).")
    private String host;

    @Option(names = "--speed", defaultValue = "1.0", description = "Playback speed: 2 halves every recorded gap, 0 sends without gaps (default ${DEFAULT-VALUE}).")
    private double speed;

    @Option(names = "--secret", description = "HS256 secret client tokens must be signed with (default: tokens are not checked).")
    private String secret;

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65_535 || speed < 0 || Double.isNaN(speed)) {
            err.println("serve: --port must be 0-65535 and --speed at least 0");
            return Main.USAGE_OR_IO;
        }
        FixtureServer server;
        try {
            Fixture fixture = SessionFiles.defaults().open(file, Progress.NONE);
            server = FixtureServer.start(fixture.session(),
                    new ServeOptions(new InetSocketAddress(host, port), speed, secret), line -> {
                        out.println(line);
                        out.flush();
                    });
            out.println("serving " + file.getFileName() + " on " + server.url() + " at " + speed + "x"
                    + (secret == null ? " (tokens not checked)" : " (tokens checked)"));
            for (Lane lane : fixture.session().lanes()) {
                out.println("  user " + lane.id() + ": " + lane.frames().size() + " frames");
            }
            out.println("Ctrl+C to stop");
            out.flush();
        } catch (FixtureException e) {
            err.println("serve: " + e.getMessage());
            return Main.USAGE_OR_IO;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "aei-serve-stop"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
        return Main.OK;
    }
}
