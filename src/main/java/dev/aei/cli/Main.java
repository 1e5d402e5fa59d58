package dev.aei.cli;

import dev.aei.runtime.NoWindowException;
import dev.aei.ui.AppLauncher;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code aei} command: the desktop app by default, headless subcommands otherwise. */
@Command(name = "aei", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Agent Event Inspector: capture, check and replay AI-agent WebSocket event streams.")
public final class Main implements Callable<Integer> {
    /** The subcommands, in the order the help lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(GuiCommand.class, DemoServerCommand.class,
            RecordCommand.class, CheckCommand.class, ServeCommand.class, VerifyCommand.class, ConvertCommand.class,
            ExportCommand.class, BenchCommand.class);

    /** Exit code: nothing at or above the fail-on level. */
    public static final int OK = 0;
    /** Exit code: findings at or above the fail-on level. */
    public static final int FINDINGS = 1;
    /** Exit code: bad usage or an I/O error. */
    public static final int USAGE_OR_IO = 2;

    public static void main(String[] args) {
        if (args.length == 0) {
            // the desktop app as `java -jar aei.jar` starts it: its window paints before the command
            // line's model of every subcommand (a few hundred milliseconds of reflection) is built
            try {
                AppLauncher.launch();
            } catch (NoWindowException e) {
                System.exit(noWindow(new PrintWriter(System.err, true), e));
            }
            System.exit(OK);
        }
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests, without exiting). */
    public static int run(String... args) {
        CommandLine cli = commandLine(args);
        cli.setExitCodeExceptionMapper(e -> USAGE_OR_IO);
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println(ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return USAGE_OR_IO;
        });
        cli.setExecutionExceptionHandler((ex, command, parsed) -> {
            if (ex instanceof NoWindowException noWindow) {
                return noWindow(command.getErr(), noWindow);
            }
            throw ex;
        });
        return cli.execute(args);
    }

    /** Says why the window cannot open (one line, no stack trace) and returns the exit code. */
    private static int noWindow(PrintWriter err, NoWindowException e) {
        err.println("aei: " + e.getMessage());
        return USAGE_OR_IO;
    }

    /**
     * The command line for these arguments. A subcommand's model is built by reflection over all its
     * options, so when the first argument names a subcommand only that one is built (a script's
     * {@code aei check} starts about a tenth of a second sooner); anything else (help, a file, a
     * typo) gets them all.
     */
    static CommandLine commandLine(String... args) {
        CommandLine cli = new CommandLine(new Main());
        String first = args.length > 0 ? args[0] : "";
        List<Class<?>> named = SUBCOMMANDS.stream()
                .filter(c -> c.getAnnotation(Command.class).name().equals(first)).toList();
        for (Class<?> subcommand : named.isEmpty() ? SUBCOMMANDS : named) {
            try {
                cli.addSubcommand(CommandLine.defaultFactory().create(subcommand));
            } catch (Exception e) {
                throw new IllegalStateException("cannot make the " + subcommand.getSimpleName() + " command", e);
            }
        }
        return cli;
    }

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "With no command: open the desktop app, showing this fixture, journal or HAR.")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (file != null && !Files.exists(file)) {
            spec.commandLine().getErr().println("aei: " + file + " is neither a command nor a file (aei --help lists"
                    + " the commands)");
            return USAGE_OR_IO;
        }
        GuiCommand gui = new GuiCommand();
        gui.file = file;
        gui.launch();
        return OK;
    }
}
