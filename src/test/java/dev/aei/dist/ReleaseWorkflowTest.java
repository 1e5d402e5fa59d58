package dev.aei.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The release workflow parses and builds the installers on Linux, macOS and Windows. */
class ReleaseWorkflowTest {
    private static final Path WORKFLOW = Path.of(".github", "workflows", "release.yml");
    private static Map<String, Object> workflow;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        try (Reader in = Files.newBufferedReader(WORKFLOW)) {
            workflow = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        assertThat(o).isInstanceOf(Map.class);
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        assertThat(o).isInstanceOf(List.class);
        return (List<Object>) o;
    }

    @Test
    void itRunsOnReleaseTagsAndByHand() {
        // YAML 1.1 reads a bare `on` key as the boolean true
        Object on = workflow.containsKey("on") ? workflow.get("on") : ((Map<?, ?>) workflow).get(Boolean.TRUE);
        Map<String, Object> triggers = map(on);
        assertThat(triggers).containsKeys("push", "workflow_dispatch");
        assertThat(list(map(triggers.get("push")).get("tags"))).contains("v*");
    }

    @Test
    void itsMatrixBuildsOnLinuxMacAndWindows() {
        Map<String, Object> job = map(map(workflow.get("jobs")).get("installers"));
        assertThat(job.get("runs-on")).isEqualTo("${{ matrix.os }}");
        List<String> oses = list(map(map(job.get("strategy")).get("matrix")).get("include")).stream()
                .map(e -> String.valueOf(map(e).get("os"))).toList();
        assertThat(oses).anyMatch(os -> os.startsWith("ubuntu-")).anyMatch(os -> os.startsWith("windows-"))
                .anyMatch(os -> os.equals("macos-15")).anyMatch(os -> os.equals("macos-15-intel"));
        String installers = list(map(map(job.get("strategy")).get("matrix")).get("include")).stream()
                .map(e -> String.valueOf(map(e).get("installers"))).collect(Collectors.joining(" "));
        assertThat(installers).contains("*.deb", "*.dmg", "*.msi");
    }

    @Test
    void eachBuildRunsTheDistBuildAndUploadsWhatItMade() {
        List<Object> steps = list(map(map(workflow.get("jobs")).get("installers")).get("steps"));
        String runs = steps.stream().map(s -> String.valueOf(map(s).get("run"))).collect(Collectors.joining("\n"));
        assertThat(runs).contains("mvn -B -Pdist verify").contains("PackagedJarTest");
        assertThat(steps).anyMatch(s -> String.valueOf(map(s).get("uses")).startsWith("actions/upload-artifact@"));
        Map<String, Object> publish = map(map(workflow.get("jobs")).get("publish"));
        assertThat(publish.get("needs")).isEqualTo("installers");
        assertThat(String.valueOf(publish.get("if"))).contains("refs/tags/v");
    }
}
