package dev.aei.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.cli.Main;
import dev.aei.server.BackendConfig;
import dev.aei.server.FaultRule;
import dev.aei.server.FaultType;
import dev.aei.server.ReferenceBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance of {@code aei export gatling}: a project generated from a fixture recorded against
 * the reference backend builds on its own, and its simulation, run by Maven with 20 virtual users
 * against the embedded backend, passes on a clean backend and names the failed step of a dropped
 * event and the leak of a leaked one. Needs Maven and the Gatling dependencies in the local
 * repository; minutes long, so it runs in the {@code load} profile: {@code mvn verify -Pload}.
 */
@Tag("load")
class GatlingLoadTest {
    private static final int USERS = 20;
    private static final List<String> STEPS = List.of("agent_started", "agent_thinking", "tool_executing search_docs",
            "tool_completed search_docs", "tool_executing cost_calculator", "tool_completed cost_calculator",
            "agent_completed");

    @TempDir
    static Path shared;
    private static ReferenceBackend backend;
    private static Path project;

    @BeforeAll
    static void recordAndExport() throws Exception {
        backend = ReferenceBackend.start(BackendConfig.defaults().withEventDelayMs(50));
        Path fixture = shared.resolve("q3.aei.json");
        assertThat(Main.run("record", "--server", backend.webSocketUrl().toString(), "--secret",
                BackendConfig.DEMO_SECRET, "--user", "alice", "--prompt", "Compare Q3 costs", "--until-complete",
                "--grace", "200ms", "--out", fixture.toString())).as("recording").isZero();
        project = shared.resolve("q3-load");
        assertThat(Main.run("export", "gatling", fixture.toString(), "--out", project.toString(), "--users",
                Integer.toString(USERS), "--ramp", "0s", "--run-timeout", "20s")).as("export").isZero();
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    @AfterEach
    void clearFaults() {
        backend.setFaults(List.of());
    }

    @Test
    void theGeneratedProjectBuildsOnItsOwnFromACleanDirectory() throws Exception {
        Path clean = shared.resolve("clean-copy");
        copy(project, clean);

        MavenChild.Result build = MavenChild.run(clean, Map.of(), "test-compile");

        assertThat(build.exitCode()).as(build.output()).isZero();
        assertThat(clean.resolve("target/test-classes/aei/loadtest/Q3Simulation.class")).isRegularFile();
    }

    @Test
    void everyRequestPassesOnACleanBackend() throws Exception {
        Run run = gatling();

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.results().failed()).as(run.output()).isZero();
        assertThat(run.results().requests()).containsKeys(STEPS.toArray(String[]::new))
                .containsKeys("connect", "connection_established", "start_agent");
        assertThat(run.results().requests().get("agent_completed").ok()).isEqualTo(USERS);
        assertThat(run.results().requests().get("agent_thinking").ok()).isEqualTo(3 * USERS);
    }

    @Test
    void aDroppedEventFailsTheStepThatWasDueAndSaysWhatCameInstead() throws Exception {
        backend.setFaults(List.of(new FaultRule("alice-3", 0, "tool_completed", FaultType.DROP, null, 0)));

        Run run = gatling();

        assertThat(run.exitCode()).as("a failed request fails the build").isNotZero();
        assertThat(run.results().failedRequests()).as(run.output()).containsExactly("tool_completed search_docs");
        assertThat(run.results().requests().get("tool_completed search_docs").ko()).isEqualTo(1);
        assertThat(run.results().errors())
                .containsExactly(Map.entry("order, found agent_thinking instead of tool_completed search_docs", 1));
    }

    @Test
    void aLeakFailsTheRequestItArrivesInAndTheReportNamesTheLeak() throws Exception {
        // alice-1 waits for a completion that never comes; every other user's completion also reaches it
        List<FaultRule> faults = new ArrayList<>(List.of(new FaultRule("alice-1", 0, null, FaultType.NO_COMPLETE,
                null, 0)));
        for (int n = 2; n <= USERS; n++) {
            faults.add(new FaultRule("alice-" + n, 0, "agent_completed", FaultType.LEAK, "alice-1", 0));
        }
        backend.setFaults(faults);

        Run run = gatling();

        assertThat(run.exitCode()).as("a failed request fails the build").isNotZero();
        assertThat(run.results().failed()).as(run.output()).isEqualTo(1);
        assertThat(STEPS).containsAll(run.results().failedRequests());
        assertThat(run.results().errors()).containsExactly(Map.entry("leak, found another virtual user's canary", 1));
        assertThat(run.output()).contains("leak: alice-1 received another virtual user's canary");
    }

    /** One Gatling run of the project against the backend. */
    private record Run(int exitCode, String output, GatlingResults results) {
    }

    private static Run gatling() throws Exception {
        Set<Path> before = new HashSet<>(GatlingResults.reports(project));
        MavenChild.Result result = MavenChild.run(project, Map.of("AEI_SECRET", BackendConfig.DEMO_SECRET),
                "gatling:test", "-Daei.server=" + backend.webSocketUrl());
        return new Run(result.exitCode(), result.output(), GatlingResults.read(project, before, result.output()));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = from.relativize(file);
                if (!relative.startsWith("target")) {
                    Path target = to.resolve(relative);
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                }
            }
        }
    }
}
