package dev.aei.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.testing.ConsoleCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/**
 * The command line builds only the subcommand it is asked for, and every one otherwise; a typo or a
 * missing file is said to be one before any window is tried.
 */
class MainCommandLineTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private static final String[] ALL = {"gui", "demo-server", "record", "check", "serve", "verify", "convert",
        "export", "bench"};

    @Test
    void aNamedSubcommandIsTheOnlyOneBuilt() {
        CommandLine cli = Main.commandLine("check", "some.aei.json");

        assertThat(cli.getSubcommands()).containsOnlyKeys("check");
        assertThat(cli.getSubcommands().get("check").getCommandSpec().qualifiedName()).isEqualTo("aei check");
        assertThat(Main.commandLine("export", "gatling").getSubcommands().get("export").getSubcommands())
                .containsOnlyKeys("gatling");
    }

    @Test
    void helpAFileOrATypoGetEverySubcommandInTheHelpsOrder() {
        assertThat(Main.commandLine("--help").getSubcommands().keySet()).containsExactly(ALL);
        assertThat(Main.commandLine("capture.jsonl").getSubcommands().keySet()).containsExactly(ALL);
        assertThat(Main.commandLine("chek").getSubcommands().keySet()).containsExactly(ALL);
        assertThat(Main.commandLine().getSubcommands().keySet()).containsExactly(ALL);
    }

    @Test
    void aTypoOrAMissingFileIsSaidToBeOneWithoutTryingAWindow() {
        assertThat(Main.run("chek")).isEqualTo(Main.USAGE_OR_IO);
        assertThat(console.err()).contains("aei: chek is neither a command nor a file (aei --help lists the commands)");
        assertThat(Main.run("gui", "missing.har")).isEqualTo(Main.USAGE_OR_IO);
        assertThat(console.err()).contains("aei gui: missing.har does not exist");
    }
}
