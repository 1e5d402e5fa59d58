package dev.aei.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The failure paths of {@code aei demo-server}: they must exit 2 with a clear message. */
class DemoServerCommandTest {

    @Test
    void aTakenPortExitsWithTwo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = String.valueOf(taken.getLocalPort());
            StderrCapture err = new StderrCapture();
            int code = err.run(() -> Main.run("demo-server", "--port", port));
            assertThat(code).isEqualTo(Main.USAGE_OR_IO);
            assertThat(err.text()).contains("cannot listen on 127.0.0.1:" + port).doesNotContain("\tat ");
        }
    }

    @Test
    void aHostThatIsNoAddressOfThisMachineIsNamed() {
        StderrCapture err = new StderrCapture();
        int code = err.run(() -> Main.run("demo-server", "--host", "example.invalid", "--port", "0"));
        assertThat(code).isEqualTo(Main.USAGE_OR_IO);
        assertThat(err.text()).contains("cannot listen on example.invalid:0: no address of this machine has the name"
                + " example.invalid").doesNotContain("\tat ");
    }

    @Test
    void aBadFaultPlanExitsWithTwo(@TempDir Path dir) throws Exception {
        Path plan = Files.writeString(dir.resolve("plan.json"), "[{\"user\":\"bob\",\"run\":1,\"fault\":\"drop\"}]");
        StderrCapture err = new StderrCapture();
        int code = err.run(() -> Main.run("demo-server", "--port", "0", "--faults", plan.toString()));
        assertThat(code).isEqualTo(Main.USAGE_OR_IO);
        assertThat(err.text()).contains("plan.json").contains("entry 1").contains("'event' is missing");
    }

    @Test
    void anUnknownInputModeExitsWithTwo() {
        StderrCapture err = new StderrCapture();
        int code = err.run(() -> Main.run("demo-server", "--port", "0", "--input", "chat"));
        assertThat(code).isEqualTo(Main.USAGE_OR_IO);
        assertThat(err.text()).contains("--input").contains("user_message, start_agent, any");
    }

    /** Runs a command with System.err captured. */
    private static final class StderrCapture {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        int run(IntSupplier command) {
            PrintStream original = System.err;
            System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            try {
                return command.getAsInt();
            } finally {
                System.setErr(original);
            }
        }

        String text() {
            return buffer.toString(StandardCharsets.UTF_8);
        }
    }
}
