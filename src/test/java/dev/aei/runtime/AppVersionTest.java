package dev.aei.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The version line: stamped by the build, the rest read from the running process. */
class AppVersionTest {

    @Test
    void theBuildStampsTheVersionAndCommitAndTheProcessAddsJavaAndJavaFx() {
        AppVersion v = AppVersion.current();
        assertThat(v.version()).matches("\\d+\\.\\d+\\.\\d+.*");
        // a checkout stamps its commit; a build from a source archive says so
        assertThat(v.commit()).matches("[0-9a-f]{7,40}|unknown");
        assertThat(v.javaVersion()).startsWith(Integer.toString(Runtime.version().feature()));
        assertThat(v.javaHome()).isEqualTo(System.getProperty("java.home"));
        assertThat(v.javaFx()).matches("\\d+(\\.\\d+)*.*");
        assertThat(v.lines()).containsExactly("aei " + v.version(), "commit " + v.commit(), "Java " + v.javaVersion(),
                "Java home " + v.javaHome(), "JavaFX " + v.javaFx());
    }

    @Test
    void whatTheBuildDidNotFillInIsUnknown() {
        assertThat(AppVersion.stamped("${project.version}")).isEqualTo(AppVersion.UNKNOWN);
        assertThat(AppVersion.stamped(" ")).isEqualTo(AppVersion.UNKNOWN);
        assertThat(AppVersion.stamped(null)).isEqualTo(AppVersion.UNKNOWN);
        assertThat(AppVersion.stamped("0.1.0 ")).isEqualTo("0.1.0");
        assertThat(new AppVersion(null, "", null, null, null).lines())
                .containsExactly("aei unknown", "commit unknown", "Java unknown", "Java home unknown", "JavaFX unknown");
    }

    @Test
    void aeiVersionPrintsThemAll() {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            code = Main.run("--version");
        } finally {
            System.setOut(out);
        }
        assertThat(code).isEqualTo(Main.OK);
        assertThat(printed.toString(StandardCharsets.UTF_8).lines().toList())
                .containsExactlyElementsOf(AppVersion.current().lines());
    }
}
