package dev.aei.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.fixture.Fixture;
import dev.aei.fixture.FileKind;
import dev.aei.fixture.Progress;
import dev.aei.fixture.SessionFiles;
import dev.aei.testing.ConsoleCapture;
import dev.aei.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code aei convert}: HAR, journal or fixture to fixture or HAR, redacted, never over its input. */
class ConvertCommandTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private static final Path SAMPLE = Samples.chromiumOneUserHar();

    @TempDir
    Path dir;

    @Test
    void aHarWithNoSocketAtTheProfilesPathIsNeitherCheckedGreenNorConverted() throws Exception {
        Path har = Files.writeString(dir.resolve("api.har"), Files.readString(SAMPLE).replace("/ws?", "/api/ws?"));
        Path fixture = dir.resolve("empty.aei.json");

        assertThat(Main.run("check", har.toString())).isEqualTo(Main.USAGE_OR_IO);
        assertThat(Main.run("convert", har.toString(), fixture.toString())).isEqualTo(Main.USAGE_OR_IO);

        assertThat(console.err()).contains("check: api.har holds no WebSocket session at the profile's socket path"
                + " (--all-sockets keeps the others): nothing to read", "convert: api.har holds no WebSocket session");
        assertThat(fixture).doesNotExist();
        assertThat(Main.run("check", "--all-sockets", har.toString())).as(console.err()).isEqualTo(Main.OK);
    }

    @Test
    void aBrowserHarBecomesARedactedFixtureAndBackAHar() throws Exception {
        Path har = Files.copy(SAMPLE, dir.resolve("in.har"));
        byte[] before = Files.readAllBytes(har);
        Path fixture = dir.resolve("bug.aei.json");
        assertThat(Main.run("convert", har.toString(), fixture.toString())).as(console.err()).isEqualTo(Main.OK);
        Fixture loaded = SessionFiles.defaults().open(fixture, Progress.NONE);
        assertThat(loaded.kind()).isEqualTo(FileKind.FIXTURE);
        assertThat(loaded.session().lanes()).hasSize(1);
        assertThat(Files.readString(fixture)).doesNotContain("eyJ");

        Path back = dir.resolve("again.har");
        assertThat(Main.run("convert", fixture.toString(), back.toString())).as(console.err()).isEqualTo(Main.OK);
        assertThat(SessionFiles.defaults().open(back, Progress.NONE).session().frameCount())
                .isEqualTo(loaded.session().frameCount());
        assertThat(Files.readAllBytes(har)).isEqualTo(before);
    }

    @Test
    void itNeverWritesOverItsInputNorOverAnotherFileWithoutForce() throws Exception {
        Path har = Files.copy(SAMPLE, dir.resolve("in.har"));
        byte[] before = Files.readAllBytes(har);
        assertThat(Main.run("convert", har.toString(), har.toString())).isEqualTo(Main.USAGE_OR_IO);
        assertThat(console.err()).contains("never writes over its input");
        assertThat(Main.run("convert", har.toString(), dir.resolve(".").resolve("in.har").toString()))
                .isEqualTo(Main.USAGE_OR_IO);
        Path link = dir.resolve("link.har");
        Files.createSymbolicLink(link, har);
        assertThat(Main.run("convert", har.toString(), link.toString(), "--force")).isEqualTo(Main.USAGE_OR_IO);
        assertThat(Files.readAllBytes(har)).isEqualTo(before);

        Path other = Files.writeString(dir.resolve("other.aei.json"), "keep me");
        assertThat(Main.run("convert", har.toString(), other.toString())).isEqualTo(Main.USAGE_OR_IO);
        assertThat(console.err()).contains("use --force");
        assertThat(Files.readString(other)).isEqualTo("keep me");
        assertThat(Main.run("convert", har.toString(), other.toString(), "--force")).isEqualTo(Main.OK);
    }

    @Test
    void anOutputNameThatIsNeitherFixtureNorHarIsRefused() throws Exception {
        Path har = Files.copy(SAMPLE, dir.resolve("in.har"));
        assertThat(Main.run("convert", har.toString(), dir.resolve("out.json").toString())).isEqualTo(Main.USAGE_OR_IO);
        assertThat(console.err()).contains("OUT must end in .aei.json or .aei.json.gz (a fixture) or .har (a HAR)");
        assertThat(Files.exists(dir.resolve("out.json"))).isFalse();
    }

    @Test
    void aCompressedFixtureNameWritesGzipThatOpensAgain() throws Exception {
        Path har = Files.copy(SAMPLE, dir.resolve("in.har"));
        Path out = dir.resolve("out.aei.json.gz");
        assertThat(Main.run("convert", har.toString(), out.toString())).isNotEqualTo(Main.USAGE_OR_IO);
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(out), 2);
        assertThat(head).containsExactly(0x1f, 0x8b);
        assertThat(dev.aei.fixture.SessionFiles.defaults().open(out, dev.aei.fixture.Progress.NONE).session().lanes())
                .isNotEmpty();
    }

    @Test
    void aJournalBecomesAFixtureWithItsFindings() throws Exception {
        dev.aei.capture.Session session = dev.aei.capture.Session.start("ws://test/ws", "header", "netra");
        Path journal = dir.resolve("s.jsonl");
        try (dev.aei.capture.JournalWriter writer = dev.aei.capture.JournalWriter.open(journal, session)) {
            dev.aei.capture.Lane alice = session.addLane("alice", java.util.Map.of());
            session.appendText(alice, dev.aei.capture.Direction.IN,
                    "{\"type\":\"error_message\",\"data\":{\"error_code\":\"E1\",\"error_message\":\"no\"}}");
        }
        Path fixture = dir.resolve("s.aei.json");
        assertThat(Main.run("convert", journal.toString(), fixture.toString())).as(console.err()).isEqualTo(Main.OK);
        assertThat(SessionFiles.defaults().open(fixture, Progress.NONE).findings())
                .extracting(dev.aei.analysis.Finding::rule).containsExactly("server-error");
    }
}
