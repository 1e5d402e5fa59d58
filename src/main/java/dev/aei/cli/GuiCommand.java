package dev.aei.cli;

import dev.aei.ui.AppLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code gui} command: opens the desktop app. */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = "Open the desktop app (default: embedded backend, users alice and bob).")
public final class GuiCommand implements Callable<Integer> {

    @Option(names = "--server", paramLabel = "URL",
            description = "Connect to this WebSocket server instead of starting the embedded backend.")
    String server;

    @Option(names = "--secret", paramLabel = "S", description = "The secret tokens are signed with (HS256).")
    String secret;

    @Option(names = "--user", paramLabel = "ID", description = "A test user to sign in (repeatable).")
    List<String> users = new ArrayList<>();

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "A fixture, capture journal or HAR to open at start (instead of signing in).")
    Path file;

    @Option(names = "--delay-ms", paramLabel = "N",
            description = "Pause between the embedded backend's scripted events (default 150).")
    Long delayMs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (file != null && !Files.exists(file)) {
            spec.commandLine().getErr().println("aei gui: " + file + " does not exist");
            return Main.USAGE_OR_IO;
        }
        launch();
        return Main.OK;
    }

    /** Opens the app with these options; {@code file}, when given, is shown at start. */
    void launch() {
        List<String> args = new ArrayList<>();
        if (server != null) {
            args.add("--server=" + server);
        }
        if (secret != null) {
            args.add("--secret=" + secret);
        }
        if (!users.isEmpty()) {
            args.add("--users=" + String.join(",", users));
        }
        if (delayMs != null) {
            args.add("--delay-ms=" + delayMs);
        }
        if (file != null) {
            args.add("--open=" + file.toAbsolutePath());
        }
        AppLauncher.launch(args.toArray(String[]::new));
    }
}
