package dev.aei.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class FindingsOutputTest {
    private static final Finding GAP = new Finding("seq-gap", Severity.ERROR, "bob", "r-7",
            "2 events missing between seq 4 and 7", List.of(12, 13), 99);
    private static final Finding LEAK = new Finding("leak-owner", Severity.CRITICAL, "alice", "r-9",
            "alice received bob's agent_thinking <&> \"quoted\"", List.of(3), 5);
    private static final Finding CLOSE = new Finding("disconnect", Severity.INFO, "bob", null, "the socket closed",
            List.of(), 7);

    @Test
    void findingsJsonHasTheDesignedShapeAndReadsBack(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("f.json");
        FindingsJson json = new FindingsJson();
        json.write(List.of(GAP, CLOSE, LEAK), file);
        String text = Files.readString(file);
        assertThat(text).contains("\"rule\" : \"seq-gap\"", "\"severity\" : \"error\"", "\"lane\" : \"bob\"",
                "\"run_id\" : \"r-7\"", "\"message\" : \"2 events missing between seq 4 and 7\"", "\"frames\" : [ 12, 13 ]",
                "\"run_id\" : null");
        List<Finding> back = json.read(file);
        assertThat(back).extracting(Finding::rule).containsExactly("leak-owner", "seq-gap", "disconnect");
        assertThat(back.get(1)).isEqualTo(new Finding("seq-gap", Severity.ERROR, "bob", "r-7",
                "2 events missing between seq 4 and 7", List.of(12, 13), 0));
        assertThat(json.toJson(List.of(LEAK, GAP, CLOSE))).isEqualTo(text);
    }

    @Test
    void badFindingsFilesFailClearly() {
        FindingsJson json = new FindingsJson();
        assertThatThrownBy(() -> json.parse("{}", "x.json")).hasMessage("x.json must be a JSON array of findings");
        assertThatThrownBy(() -> json.parse("[{\"rule\":\"a\",\"lane\":\"b\",\"severity\":\"bad\"}]", "x.json"))
                .hasMessageContaining("x.json finding 0: severity must be");
        assertThatThrownBy(() -> json.parse("[{\"rule\":\"a\",\"severity\":\"info\"}]", "x.json"))
                .hasMessageContaining("'lane' is missing");
        assertThatThrownBy(() -> json.parse("[", "x.json")).hasMessageContaining("not valid JSON");
    }

    @Test
    void junitHasASuitePerLaneAndACasePerRuleThatRan(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("junit.xml");
        new JUnitReport(FailOn.DEFAULT).write(file, List.of("alice", "bob", "carol"),
                EnumSet.of(Rule.SEQ_GAP, Rule.LEAK_OWNER, Rule.DISCONNECT), List.of(GAP, LEAK, CLOSE));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(3);
        Element bob = (Element) suites.item(1);
        assertThat(bob.getAttribute("name")).isEqualTo("bob");
        assertThat(bob.getAttribute("tests")).isEqualTo("3");
        assertThat(bob.getAttribute("failures")).isEqualTo("1");
        NodeList cases = bob.getElementsByTagName("testcase");
        assertThat(((Element) cases.item(0)).getAttribute("name")).isEqualTo("seq-gap");
        Element failure = (Element) ((Element) cases.item(0)).getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo(GAP.message());
        assertThat(failure.getAttribute("type")).isEqualTo("error");
        Element disconnect = (Element) cases.item(2);
        assertThat(disconnect.getElementsByTagName("failure").getLength()).as("info is below fail-on").isZero();
        assertThat(disconnect.getElementsByTagName("system-out").item(0).getTextContent()).contains("the socket closed");
        Element alice = (Element) suites.item(0);
        assertThat(alice.getElementsByTagName("failure").item(0).getTextContent()).contains("<&> \"quoted\"");
        assertThat(((Element) suites.item(2)).getAttribute("failures")).isEqualTo("0");
    }

    @Test
    void failOnLevels() {
        assertThat(FailOn.parse("never").failsAny(List.of(LEAK))).isFalse();
        assertThat(FailOn.parse("critical").failsAny(List.of(GAP, CLOSE))).isFalse();
        assertThat(FailOn.parse("ERROR").failsAny(List.of(GAP))).isTrue();
        assertThat(FailOn.parse("info").failsAny(List.of(CLOSE))).isTrue();
        assertThatThrownBy(() -> FailOn.parse("loud")).hasMessageContaining("use critical, error, warning, info or never");
    }

    @Test
    void summaryCountsAndListsWorstFirst() {
        StringWriter text = new StringWriter();
        FindingsSummary.print(List.of(CLOSE, GAP, LEAK), new PrintWriter(text));
        assertThat(text.toString()).startsWith("3 findings: 1 critical, 1 error, 0 warning, 1 info\n  CRITICAL leak-owner alice r-9: ")
                .contains("  ERROR seq-gap bob r-7: 2 events missing between seq 4 and 7 [frames 12, 13]");
    }
}
