package dev.aei.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.cli.Main;
import dev.aei.server.BackendConfig;
import dev.aei.server.ReferenceBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code aei record} in child JVMs (users signing in at a login endpoint with a known
 * password, tokens in the URL, trace logging into a file), plus failing sign-ins, and scans every
 * file they wrote for the signing secret, the password and every token the login endpoint issued.
 */
class SecretsInRecordingTest {
    @TempDir
    Path dir;

    @Test
    void recordingsLogsAndErrorsNeverShowTheSecretThePasswordOrATokenOfTheRun() throws Exception {
        String secret = "rel-secret-" + UUID.randomUUID();
        String password = "rel-password-" + UUID.randomUUID();
        String wrongPassword = "rel-wrong-" + UUID.randomUUID();
        String wrongSecret = "rel-wrong-secret-" + UUID.randomUUID();
        try (ReferenceBackend backend = ReferenceBackend.start(BackendConfig.defaults().withSecret(secret)
                .withEventDelayMs(5));
             LoginServer login = LoginServer.start(secret, password)) {
            String server = backend.webSocketUrl().toString();
            for (String auth : List.of("query", "header", "subprotocol")) {
                assertThat(record(auth, List.of("--login-url", login.url().toString(), "--password", password,
                        "--auth", auth, "--prompt", "hello", "--until-complete", "--timeout", "60s",
                        "--out", dir.resolve(auth + ".jsonl").toString()), server))
                        .as("exit code of the %s recording", auth).isEqualTo(Main.OK);
            }
            assertThat(record("bad-password", List.of("--login-url", login.url().toString(), "--password",
                    wrongPassword, "--duration", "1s", "--out", dir.resolve("bad-password.jsonl").toString()), server))
                    .isEqualTo(Main.USAGE_OR_IO);
            assertThat(record("bad-secret", List.of("--secret", wrongSecret, "--auth", "query", "--duration", "1s",
                    "--out", dir.resolve("bad-secret.jsonl").toString()), server))
                    .isEqualTo(Main.USAGE_OR_IO);

            assertThat(login.issued()).hasSizeGreaterThanOrEqualTo(6);
            assertThat(Files.readString(dir.resolve("query.jsonl"))).contains("agent_completed");
            assertThat(output("bad-password")).contains("401");
            assertThat(output("bad-secret")).contains("401");
            SecretScan scan = new SecretScan().secret(secret).secret(password).secret(wrongPassword)
                    .secret(wrongSecret).tokens(login.issued());
            assertThat(SecretScan.files(dir)).hasSizeGreaterThanOrEqualTo(15);
            assertThat(scan.leaksIn(dir, Set.of())).isEmpty();
        }
    }

    /** Everything a child wrote: stdout, stderr and its log file. */
    private String output(String name) throws java.io.IOException {
        StringBuilder text = new StringBuilder();
        for (String suffix : List.of(".out", ".err", ".log")) {
            Path file = dir.resolve(name + suffix);
            if (Files.exists(file)) {
                text.append(Files.readString(file));
            }
        }
        return text.toString();
    }

    /** Runs {@code aei record} for alice and bob in a child JVM logging at trace level to {@code <name>.log}. */
    private int record(String name, List<String> options, String server) throws Exception {
        List<String> args = new ArrayList<>(List.of("record", "--server", server, "--user", "alice", "--user", "bob"));
        args.addAll(options);
        Process child = ChildJvm.start(dir, name, List.of(
                "-Dorg.slf4j.simpleLogger.logFile=" + dir.resolve(name + ".log"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace"), Main.class.getName(), args);
        return ChildJvm.exitCode(child);
    }
}
