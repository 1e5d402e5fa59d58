package dev.aei.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line builds only the subcommand it is asked for, and every one otherwise. */
class MainCommandLineTest {
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
}
