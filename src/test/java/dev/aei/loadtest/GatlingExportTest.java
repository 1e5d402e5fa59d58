package dev.aei.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aei.cli.Main;
import dev.aei.server.BackendConfig;
import dev.aei.server.FaultRule;
import dev.aei.server.FaultType;
import dev.aei.server.ReferenceBackend;
import dev.aei.testing.ConsoleCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aei export gatling} on a fixture recorded against the reference backend: the project's files,
 * the simulation's request names and messages, no secret inside, and (when Gatling is in the local
 * Maven repository) sources that compile against it. Running the simulation is {@code GatlingLoadTest}.
 */
class GatlingExportTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private static final String SOURCES = "src/test/java/aei/loadtest/";

    @TempDir
    static Path shared;
    private static ReferenceBackend backend;
    private static Path recording;

    @TempDir
    Path dir;

    @BeforeAll
    static void recordAlice() throws Exception {
        backend = ReferenceBackend.start(BackendConfig.defaults().withEventDelayMs(5));
        recording = shared.resolve("q3-costs.aei.json");
        int code = Main.run("record", "--server", backend.webSocketUrl().toString(), "--secret",
                BackendConfig.DEMO_SECRET, "--user", "alice", "--user", "bob", "--prompt", "Compare Q3 costs",
                "--until-complete", "--grace", "200ms", "--out", recording.toString());
        assertThat(code).as("recording the fixture").isZero();
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    @AfterEach
    void restoreConsole() {
        backend.setFaults(List.of());
    }

    private int export(Path fixture, Path out, String... options) {
        String[] args = Stream.concat(Stream.of("export", "gatling", fixture.toString(), "--out", out.toString()),
                Stream.of(options)).toArray(String[]::new);
        return Main.run(args);
    }

    private String simulation(Path project) throws IOException {
        return Files.readString(project.resolve(SOURCES + "Q3CostsSimulation.java"));
    }

    @Test
    void writesAStandaloneMavenProjectNamedAfterTheRecording() throws Exception {
        int code = export(recording, dir, "--users", "20", "--ramp", "0s");

        assertThat(code).as(console.err()).isZero();
        assertThat(console.out()).contains("wrote Q3CostsSimulation", "mvn gatling:test");
        for (String file : List.of("pom.xml", "README.md", ".gitignore", "src/test/resources/logback-test.xml",
                SOURCES + "Q3CostsSimulation.java", SOURCES + "AgentWire.java", SOURCES + "LoadSettings.java",
                SOURCES + "Tokens.java")) {
            assertThat(dir.resolve(file)).as(file).isRegularFile();
        }
        String pom = Files.readString(dir.resolve("pom.xml"));
        assertThat(pom).contains("<artifactId>q3-costs-gatling</artifactId>",
                "<artifactId>gatling-charts-highcharts</artifactId>", "<gatling.version>3.13.5</gatling.version>",
                "<artifactId>gatling-maven-plugin</artifactId>",
                "<gatling-maven-plugin.version>4.16.0</gatling-maven-plugin.version>", "<artifactId>jjwt-api</artifactId>",
                "<artifactId>jackson-databind</artifactId>");
        assertThat(Files.readString(dir.resolve("README.md"))).contains("mvn gatling:test", "AEI_SECRET",
                "-Daei.userOffset=100000", "Gatling Enterprise", "`alice`, `bob`");
    }

    @Test
    void eachRecordedRunBecomesChecksNamedAfterItsStepsInTheRecordedOrder() throws Exception {
        assertThat(export(recording, dir, "--users", "20", "--ramp", "0s")).as(console.err()).isZero();
        String source = simulation(dir);

        assertThat(source).contains("LoadSettings.read(\"" + backend.webSocketUrl() + "\", 20, \"0s\", \"60s\"",
                "scenario(\"alice\")", "scenario(\"bob\")", "WIRE.users(\"alice\", SETTINGS.userOffset(), 1, 1)",
                ".header(\"Authorization\", \"Bearer #{aeiToken}\")", "WIRE.ready(\"connection_established\")",
                "ws(\"start_agent\")", "setUp(SETTINGS.populations(List.of(alice, bob)))");
        assertThat(source).containsSubsequence(
                "WIRE.firstStep(\"agent_started\", \"started\")",
                "WIRE.step(\"agent_thinking\", \"thinking\")",
                "WIRE.step(\"agent_thinking\", \"thinking\")",
                "WIRE.step(\"tool_executing search_docs\", \"tool-start\", \"search_docs\")",
                "WIRE.step(\"tool_completed search_docs\", \"tool-end\", \"search_docs\")",
                "WIRE.step(\"agent_thinking\", \"thinking\")",
                "WIRE.step(\"tool_executing cost_calculator\", \"tool-start\", \"cost_calculator\")",
                "WIRE.step(\"tool_completed cost_calculator\", \"tool-end\", \"cost_calculator\")",
                "WIRE.step(\"agent_completed\", \"completed\")))",
                "scenario(\"bob\")");
    }

    @Test
    void promptsTakeTheProfilesTemplateWithCanaryThreadAndClaimsLeftToEachVirtualUser() throws Exception {
        assertThat(export(recording, dir)).as(console.err()).isZero();
        String source = simulation(dir);

        assertThat(source).contains("\"{\\\"type\\\":\\\"start_agent\\\",\\\"payload\\\":{\\\"user_request\\\":"
                + "\\\"Compare Q3 costs [${canary}]\\\",\\\"thread_id\\\":\\\"${thread_id}\\\"");
        assertThat(source).contains("\\\"iss\\\":\\\"netra-auth-service\\\"", "\\\"email\\\":\\\"${user_id}@example.com\\\"");
        assertThat(source).as("the recorded canaries and threads stay in the recording")
                .doesNotContainPattern("cnry-[0-9a-f]{10}").doesNotContain("t-alice-1");
    }

    @Test
    void theProjectCarriesNoSecret() throws Exception {
        assertThat(export(recording, dir)).as(console.err()).isZero();

        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString())
                        .doesNotContain(BackendConfig.DEMO_SECRET).doesNotContain("eyJ");
            }
        }
    }

    @Test
    void aRawJournalIsRedactedOnTheWayIntoTheProject() throws Exception {
        Path fixture = dir.resolve("secrets.aei.json");
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.abcdefSIG";
        assertThat(Main.run("record", "--server", backend.webSocketUrl().toString(), "--secret",
                BackendConfig.DEMO_SECRET, "--auth", "query", "--user", "alice",
                "--prompt", "use {\"api_key\":\"PROMPTKEY99\"} and Bearer " + jwt,
                "--until-complete", "--grace", "200ms", "--out", fixture.toString())).as(console.err()).isZero();
        Path journal = dir.resolve("secrets.jsonl");
        assertThat(Files.readString(journal)).as("the journal stays raw").contains(jwt, "PROMPTKEY99");

        Path project = dir.resolve("from-journal");
        assertThat(export(journal, project)).as(console.err()).isZero();

        try (Stream<Path> files = Files.walk(project)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(BackendConfig.DEMO_SECRET)
                        .doesNotContain("eyJ").doesNotContain("PROMPTKEY99");
            }
        }
        // a fixture or HAR saved from a query-token session names its server with the token redacted
        Path redactedUrl = dir.resolve("redacted-url");
        assertThat(export(fixture, redactedUrl, "--server", "ws://127.0.0.1:9/ws?token=<redacted:jwt:1>&v=2&api_key=k"))
                .as(console.err()).isZero();
        assertThat(Files.readString(redactedUrl.resolve(SOURCES + "SecretsSimulation.java")))
                .contains("LoadSettings.read(\"ws://127.0.0.1:9/ws?v=2\"");
    }

    @Test
    void theGeneratedSourcesCompileAgainstGatling() throws Exception {
        Optional<List<Path>> jars = GatlingJars.inLocalRepository();
        assumeTrue(jars.isPresent(), "Gatling 3.13.5 is not in the local Maven repository");
        assertThat(export(recording, dir)).as(console.err()).isZero();

        List<String> problems = SourceCompiler.compile(dir.resolve("src/test/java"), dir.resolve("classes"), jars.get());

        assertThat(problems).isEmpty();
        assertThat(dir.resolve("classes/aei/loadtest/Q3CostsSimulation.class")).isRegularFile();
    }

    @Test
    void ticketAuthFetchesATicketBeforeEachConnectAndStillCompiles() throws Exception {
        assertThat(export(recording, dir, "--auth", "ticket")).as(console.err()).isZero();
        String source = simulation(dir);

        assertThat(source).contains("http(\"ticket\").post(SETTINGS.requiredTicketUrl())"
                        + ".header(\"Authorization\", \"Bearer #{aeiToken}\")",
                "jsonPath(\"$.ticket_id\").saveAs(AgentWire.TICKET)",
                "AgentWire.withQuery(SETTINGS.server(), \"ticket\", session.getString(AgentWire.TICKET))",
                "/api/websocket/ticket\");");
        Optional<List<Path>> jars = GatlingJars.inLocalRepository();
        if (jars.isPresent()) {
            assertThat(SourceCompiler.compile(dir.resolve("src/test/java"), dir.resolve("classes"), jars.get()))
                    .isEmpty();
        }
    }

    @Test
    void queryAndSubprotocolAuthPutTheTokenWhereTheBackendReadsIt() throws Exception {
        Path query = dir.resolve("query");
        Path subprotocol = dir.resolve("subprotocol");

        assertThat(export(recording, query, "--auth", "query", "--server", "wss://staging.example.com/ws?token=x&v=2"))
                .as(console.err()).isZero();
        assertThat(export(recording, subprotocol, "--auth", "subprotocol")).as(console.err()).isZero();

        assertThat(simulation(query)).contains("LoadSettings.read(\"wss://staging.example.com/ws?v=2\"",
                "AgentWire.withQuery(SETTINGS.server(), \"token\", session.getString(AgentWire.TOKEN))");
        assertThat(simulation(subprotocol)).contains(".subprotocol(\"jwt.#{aeiToken}\")");
    }

    @Test
    void leakedRunsOfTheRecordingAreNoStepsAndAPromptThatStartedNothingIsNamed() throws Exception {
        backend.setFaults(List.of(new FaultRule("bob", 0, "agent_thinking", FaultType.LEAK, "alice", 0),
                new FaultRule("carol", 0, null, FaultType.IGNORE_PROMPT, null, 0)));
        Path leaky = dir.resolve("leaky.aei.json");
        Main.run("record", "--server", backend.webSocketUrl().toString(), "--secret", BackendConfig.DEMO_SECRET,
                "--user", "alice", "--user", "bob", "--user", "carol", "--prompt", "hi", "--until-complete",
                "--answer-timeout", "500ms", "--grace", "200ms", "--out", leaky.toString());
        assertThat(leaky).isRegularFile();
        Path project = dir.resolve("project");

        int code = export(leaky, project);

        assertThat(code).as(console.err()).isZero();
        String source = Files.readString(project.resolve(SOURCES + "LeakySimulation.java"));
        String alice = source.substring(source.indexOf("scenario(\"alice\")"), source.indexOf("scenario(\"bob\")"));
        assertThat(alice.split("WIRE\\.(first)?[sS]tep\\(", -1)).as("alice's own nine steps, not bob's leaked thought")
                .hasSize(10);
        String carol = source.substring(source.indexOf("scenario(\"carol\")"));
        assertThat(carol).contains("ws(\"start_agent\").sendText(").doesNotContain("WIRE.firstStep(");
        assertThat(console.out()).contains("note: carol's start_agent #1 started no run");
        assertThat(Files.readString(project.resolve("README.md"))).contains("## Notes from the export",
                "carol's start_agent #1 started no run");
    }

    @Test
    void aUsersSecondConnectionIsLeftOutAndSaidSo() throws Exception {
        Path tabs = dir.resolve("tabs.aei.json");
        assertThat(Main.run("record", "--server", backend.webSocketUrl().toString(), "--secret",
                BackendConfig.DEMO_SECRET, "--user", "alice", "--user", "alice", "--prompt", "hi", "--until-complete",
                "--grace", "200ms", "--out", tabs.toString())).isZero();
        Path project = dir.resolve("project");

        assertThat(export(tabs, project)).as(console.err()).isZero();

        String source = Files.readString(project.resolve(SOURCES + "TabsSimulation.java"));
        assertThat(source).contains("scenario(\"alice\")", "List.of(\"alice\"));").doesNotContain("#2");
        assertThat(console.out())
                .contains("note: alice #2 is another connection of alice and is left out");
    }

    @Test
    void aFolderThatIsNotEmptyIsRefusedUnlessForced() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "mine");

        int refused = export(recording, dir);
        int forced = export(recording, dir, "--force");

        assertThat(refused).isEqualTo(Main.USAGE_OR_IO);
        assertThat(console.err()).contains("is not empty");
        assertThat(forced).isZero();
        assertThat(dir.resolve("notes.txt")).hasContent("mine");
        assertThat(dir.resolve("pom.xml")).isRegularFile();
    }

    @Test
    void aMissingFileBadSettingsOrNoSubcommandAreUsageErrors() {
        assertThat(export(dir.resolve("none.aei.json"), dir.resolve("p"))).isEqualTo(Main.USAGE_OR_IO);
        assertThat(export(recording, dir.resolve("p"), "--users", "0")).isEqualTo(Main.USAGE_OR_IO);
        assertThat(export(recording, dir.resolve("p"), "--auth", "carrier-pigeon")).isEqualTo(Main.USAGE_OR_IO);
        assertThat(Main.run("export")).isEqualTo(Main.USAGE_OR_IO);
        assertThat(console.err()).contains("export gatling: ", "at least one virtual user", "unknown auth mode 'carrier-pigeon'",
                "export gatling FIXTURE --out DIR");
        assertThat(dir.resolve("p")).doesNotExist();
    }
}
