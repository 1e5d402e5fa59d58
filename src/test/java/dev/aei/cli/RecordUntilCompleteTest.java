package dev.aei.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.server.BackendConfig;
import dev.aei.server.FaultRule;
import dev.aei.server.FaultType;
import dev.aei.server.ReferenceBackend;
import dev.aei.testing.ConsoleCapture;
import dev.aei.testing.LoopbackServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.java_websocket.WebSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code record --until-complete}: it waits out late events and unanswered prompts and never ends green on them. */
class RecordUntilCompleteTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private static final int REPETITIONS = 20;

    @TempDir
    Path dir;


    @Test
    void anEventTwentyMillisecondsAfterCompletionIsRecordedEveryTime() throws Exception {
        List<FaultRule> faults = new ArrayList<>();
        for (int i = 1; i <= REPETITIONS; i++) {
            faults.add(new FaultRule("user" + i, 1, "agent_completed", FaultType.AFTER_COMPLETE, null, 0));
        }
        // 20 ms between events: the extra thought comes 20 ms after the completion
        try (ReferenceBackend backend = ReferenceBackend.start(BackendConfig.defaults().withEventDelayMs(20)
                .withFaults(faults))) {
            for (int i = 1; i <= REPETITIONS; i++) {
                Path json = dir.resolve("findings-" + i + ".json");
                int code = Main.run("record", "--server", backend.webSocketUrl().toString(),
                        "--secret", BackendConfig.DEMO_SECRET, "--user", "user" + i, "--prompt", "hello",
                        "--until-complete", "--out", dir.resolve("s" + i + ".jsonl").toString(),
                        "--findings-json", json.toString());
                assertThat(code).as("repetition " + i).isEqualTo(Main.FINDINGS);
                assertThat(Files.readString(json)).as("repetition " + i).contains("\"after-completion\"");
            }
        }
    }

    @Test
    void aSilentBackendLeavesThePromptUnansweredAndTheExitCodeNonZero() throws Exception {
        LoopbackServer silent = new LoopbackServer() { }; // accepts every socket, never says a word
        silent.startAndWait();
        try {
            Path journal = dir.resolve("silent.jsonl");
            Path json = dir.resolve("silent.json");
            int code = Main.run("record", "--server", silent.url("/ws"),
                    "--secret", BackendConfig.DEMO_SECRET, "--user", "alice", "--user", "bob", "--prompt", "hello",
                    "--until-complete", "--answer-timeout", "1s", "--grace", "100ms", "--timeout", "60s",
                    "--out", journal.toString(), "--findings-json", json.toString());
            assertThat(code).as(console.out()).isEqualTo(Main.FINDINGS);
            String findings = Files.readString(json);
            assertThat(findings.split("\"prompt-unanswered\"", -1)).hasSize(3); // one per lane
            assertThat(findings).contains("started no run within 1 s").doesNotContain("gave up");

            Path offline = dir.resolve("offline.json");
            assertThat(Main.run("check", journal.toString(), "--answer-timeout", "1s", "--findings-json",
                    offline.toString())).isEqualTo(Main.FINDINGS);
            assertThat(Files.readString(offline)).isEqualTo(findings);
        } finally {
            silent.stop(1000);
        }
    }

    /** A WebSocket backend that accepts every connection and every message and answers nothing. */
}
