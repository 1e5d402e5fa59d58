package dev.aei.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.analysis.JUnitReport;
import dev.aei.testing.ConsoleCapture;
import dev.aei.testing.DeadPort;
import dev.aei.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report options ({@code --findings-json}, {@code --junit}, {@code bench --json}) write a new
 * file or replace a report aei wrote, and refuse anything else before the work starts.
 */
class ReportFilesTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @TempDir
    Path dir;

    @Test
    void aReportNeverReplacesTheFileChecked() throws Exception {
        Path har = Files.copy(Samples.chromiumOneUserHar(), dir.resolve("capture.har"));
        byte[] before = Files.readAllBytes(har);

        assertThat(Main.run("check", har.toString(), "--findings-json", har.toString())).isEqualTo(Main.USAGE_OR_IO);
        assertThat(Main.run("check", har.toString(), "--junit", dir.resolve(".").resolve("capture.har").toString()))
                .as("another spelling of the same path").isEqualTo(Main.USAGE_OR_IO);

        assertThat(Files.readAllBytes(har)).isEqualTo(before);
        assertThat(console.err()).contains("check: --findings-json " + har + " is also the file checked; "
                + "give the report a file of its own");
        assertThat(console.out()).as("refused before anything was checked").doesNotContain("checked capture.har");
    }

    @Test
    void someoneElsesFileIsKeptAndAnEarlierReportIsReplaced() throws Exception {
        Path har = Samples.chromiumOneUserHar();
        Path notes = Files.writeString(dir.resolve("notes.xml"), "<notes>my notes</notes>\n");
        Path json = Files.writeString(dir.resolve("findings.json"), "{\"mine\": true}\n");

        assertThat(Main.run("check", har.toString(), "--junit", notes.toString())).isEqualTo(Main.USAGE_OR_IO);
        assertThat(Main.run("check", har.toString(), "--findings-json", json.toString())).isEqualTo(Main.USAGE_OR_IO);
        assertThat(Files.readString(notes)).isEqualTo("<notes>my notes</notes>\n");
        assertThat(Files.readString(json)).isEqualTo("{\"mine\": true}\n");
        assertThat(console.err()).contains("check: --junit " + notes + " exists and is not a report aei wrote; "
                + "choose another name or remove the file");

        Path newJson = dir.resolve("new.json");
        Path newJunit = Files.createFile(dir.resolve("empty.xml")); // an empty file holds nothing to lose
        String[] check = {"check", har.toString(), "--findings-json", newJson.toString(), "--junit", newJunit.toString()};
        assertThat(Main.run(check)).isEqualTo(Main.OK);
        String first = Files.readString(newJson);
        assertThat(first).contains("\"rule\"");
        assertThat(Files.readString(newJunit)).contains("<testsuites name=\"aei findings\"");
        assertThat(Main.run(check)).as("a CI job run again replaces its own reports").isEqualTo(Main.OK);
        assertThat(Files.readString(newJson)).isEqualTo(first);
    }

    @Test
    void twoReportsCannotShareAFileNorGoIntoAFolder() {
        String har = Samples.chromiumOneUserHar().toString();
        String same = dir.resolve("report").toString();

        assertThat(Main.run("check", har, "--findings-json", same, "--junit", same)).isEqualTo(Main.USAGE_OR_IO);
        assertThat(Main.run("check", har, "--junit", dir.toString())).isEqualTo(Main.USAGE_OR_IO);

        assertThat(console.err()).contains("--junit " + same + " is also the --findings-json report",
                "--junit " + dir + " is a folder; give a file name");
        assertThat(Files.exists(Path.of(same))).isFalse();
    }

    @Test
    void missingFoldersAreMadeAndAFileInTheWayIsRefusedUpFront() throws Exception {
        String har = Samples.chromiumOneUserHar().toString();
        Path junit = dir.resolve("build/reports/aei.xml");
        Path notes = Files.writeString(dir.resolve("notes.txt"), "my notes");

        assertThat(Main.run("check", har, "--junit", junit.toString())).isEqualTo(Main.OK);
        assertThat(JUnitReport.writtenByAei(junit)).isTrue();
        assertThat(Main.run("check", har, "--findings-json", notes.resolve("f.json").toString()))
                .isEqualTo(Main.USAGE_OR_IO);
        assertThat(console.err()).contains("--findings-json " + notes.resolve("f.json") + " cannot be written: "
                + notes + " is a file");
        assertThat(Files.readString(notes)).isEqualTo("my notes");
    }

    @Test
    void xmlWithAnExternalEntityIsNotReadToRecogniseIt() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "aei findings");
        Path hostile = Files.writeString(dir.resolve("hostile.xml"), "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE t [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<testsuites name=\"&x;\"/>\n");
        String before = Files.readString(hostile);

        assertThat(Main.run("check", Samples.chromiumOneUserHar().toString(), "--junit", hostile.toString()))
                .isEqualTo(Main.USAGE_OR_IO);
        assertThat(Files.readString(hostile)).isEqualTo(before);
    }

    @Test
    void recordAndVerifyAndBenchRefuseBeforeTheyStart() throws Exception {
        Path fixture = dir.resolve("bug.aei.json");
        Path notes = Files.writeString(dir.resolve("notes.json"), "[\"not findings\"]");

        assertThat(Main.run("record", "--server", DeadPort.webSocketUrl(), "--secret", "s3cr3t", "--user", "alice",
                "--out", fixture.toString(), "--findings-json", fixture.toString())).isEqualTo(Main.USAGE_OR_IO);
        assertThat(Main.run("record", "--server", DeadPort.webSocketUrl(), "--secret", "s3cr3t", "--user", "alice",
                "--out", fixture.toString(), "--junit", dir.resolve("bug.jsonl").toString())).isEqualTo(Main.USAGE_OR_IO);
        assertThat(Main.run("bench", "--quick", "--json", notes.toString())).isEqualTo(Main.USAGE_OR_IO);
        Path recorded = dir.resolve("recorded.aei.json");
        assertThat(Main.run("convert", Samples.chromiumOneUserHar().toString(), recorded.toString())).isEqualTo(Main.OK);
        byte[] fixtureBytes = Files.readAllBytes(recorded);
        assertThat(Main.run("verify", recorded.toString(), "--server", DeadPort.webSocketUrl(), "--secret", "s3cr3t",
                "--junit", recorded.toString())).isEqualTo(Main.USAGE_OR_IO);

        assertThat(console.err()).contains(
                "record: --findings-json " + fixture + " is also the --out fixture",
                "record: --junit " + dir.resolve("bug.jsonl") + " is also the journal beside it",
                "bench: --json " + notes + " exists and is not a report aei wrote",
                "verify: --junit " + recorded + " is also the fixture verified");
        assertThat(Files.readAllBytes(recorded)).isEqualTo(fixtureBytes);
        assertThat(console.err()).as("refused before connecting").doesNotContain("connect");
        assertThat(Files.readString(notes)).isEqualTo("[\"not findings\"]");
        assertThat(Files.exists(fixture)).isFalse();
    }
}
