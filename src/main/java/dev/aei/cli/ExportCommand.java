package dev.aei.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code export} command: a recording turned into something another tool runs. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a recording for another tool (see the subcommands).",
        subcommands = {ExportGatlingCommand.class})
public final class ExportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** Without a subcommand there is nothing to export: say which there are. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("export: name what to export to, e.g. export gatling FIXTURE --out DIR");
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.USAGE_OR_IO;
    }
}
