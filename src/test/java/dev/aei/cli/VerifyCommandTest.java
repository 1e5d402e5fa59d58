package dev.aei.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.inspect.Decoders;
import dev.aei.server.BackendConfig;
import dev.aei.server.ReferenceBackend;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code aei verify} end to end against the reference backend, counting what its decoders decode. */
class VerifyCommandTest {
    private static final Pattern COMPARING = Pattern.compile("comparing (\\d+) live frames with (\\d+) recorded");

    @TempDir
    Path dir;

    @Test
    void verifyingDecodesEachRecordedAndEachLiveFrameOnce() throws Exception {
        BackendConfig config = BackendConfig.defaults().withEventDelayMs(2);
        Path fixture = dir.resolve("recording.aei.json");
        try (ReferenceBackend backend = ReferenceBackend.start(config)) {
            assertThat(Main.run("record", "--server", backend.webSocketUrl().toString(), "--secret",
                    BackendConfig.DEMO_SECRET, "--user", "alice", "--user", "bob", "--prompt", "Compare Q3 costs",
                    "--until-complete", "--grace", "200ms", "--out", fixture.toString())).isZero();
        }
        Decoders decoders = new Decoders();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (ReferenceBackend backend = ReferenceBackend.start(config)) {
            code = new CommandLine(new VerifyCommand(decoders)).setOut(new PrintWriter(out))
                    .setErr(new PrintWriter(err)).execute(fixture.toString(), "--server",
                            backend.webSocketUrl().toString(), "--secret", BackendConfig.DEMO_SECRET,
                            "--quiet", "400ms", "--timeout", "20s");
        }

        assertThat(code).as(out + "" + err).isEqualTo(Main.OK);
        assertThat(out.toString()).contains("re-sent 2 client message(s)")
                .contains("verify: the backend behaved as recorded (4 checks)");
        Matcher comparing = COMPARING.matcher(out.toString());
        assertThat(comparing.find()).as(out.toString()).isTrue();
        long live = Long.parseLong(comparing.group(1));
        long recorded = Long.parseLong(comparing.group(2));
        assertThat(live).isPositive();
        assertThat(recorded).isPositive();
        assertThat(decoders.decodedFrames()).as("the recording's one analysis and the live one, nothing else")
                .isEqualTo(live + recorded);
    }

    @Test
    void aBackendThatThinksLongerThanTheQuietPeriodIsWaitedForWhileItsRunIsOpen() throws Exception {
        Path fixture = dir.resolve("quick.aei.json");
        try (ReferenceBackend backend = ReferenceBackend.start(BackendConfig.defaults().withEventDelayMs(2))) {
            assertThat(Main.run("record", "--server", backend.webSocketUrl().toString(), "--secret",
                    BackendConfig.DEMO_SECRET, "--user", "alice", "--prompt", "Compare Q3 costs",
                    "--until-complete", "--grace", "200ms", "--out", fixture.toString())).isZero();
        }
        StringWriter out = new StringWriter();
        int code;
        // 600 ms between events against a 200 ms quiet period: silence inside an open run is not an answer
        try (ReferenceBackend slow = ReferenceBackend.start(BackendConfig.defaults().withEventDelayMs(600))) {
            code = new CommandLine(new VerifyCommand(new Decoders())).setOut(new PrintWriter(out))
                    .setErr(new PrintWriter(out)).execute(fixture.toString(), "--server",
                            slow.webSocketUrl().toString(), "--secret", BackendConfig.DEMO_SECRET,
                            "--quiet", "200ms", "--timeout", "30s");
        }
        assertThat(code).as(out.toString()).isEqualTo(Main.OK);
        assertThat(out.toString()).contains("the backend behaved as recorded");
    }
}
