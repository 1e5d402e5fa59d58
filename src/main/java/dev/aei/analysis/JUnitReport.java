package dev.aei.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Findings as JUnit XML for CI: one testsuite per lane, one testcase per rule that ran (passing
 * when it found nothing). A testcase fails when it has findings at or above the fail-on level;
 * milder findings are listed in its {@code system-out}.
 */
public final class JUnitReport {
    /** How the name of the outermost element of every JUnit report aei writes begins. */
    public static final String NAME_PREFIX = "aei ";

    private final FailOn failOn;

    public JUnitReport(FailOn failOn) {
        this.failOn = failOn;
    }

    /**
     * Writes the report.
     *
     * @param lanes    every lane of the session, also those without findings
     * @param rulesRun the rules that ran
     */
    public void write(Path file, Collection<String> lanes, Collection<Rule> rulesRun, List<Finding> findings)
            throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", NAME_PREFIX + "findings");
            for (Map.Entry<String, Map<String, List<Finding>>> lane : byLaneAndRule(lanes, rulesRun, findings).entrySet()) {
                suite(xml, lane.getKey(), lane.getValue());
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML to " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * True when the file is JUnit XML that aei wrote (this report or verify's): its outermost
     * element is a testsuites or testsuite named "aei …". DTDs and external entities are not read.
     */
    public static boolean writtenByAei(Path file) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getAttributeValue(null, "name");
                    return (xml.getLocalName().equals("testsuites") || xml.getLocalName().equals("testsuite"))
                            && name != null && name.startsWith(NAME_PREFIX);
                }
            }
            return false;
        } catch (IOException | XMLStreamException | RuntimeException e) {
            return false;
        }
    }

    private static Map<String, Map<String, List<Finding>>> byLaneAndRule(Collection<String> lanes,
                                                                         Collection<Rule> rulesRun, List<Finding> findings) {
        Set<String> allLanes = new LinkedHashSet<>(lanes);
        findings.forEach(f -> allLanes.add(f.lane()));
        Map<String, Map<String, List<Finding>>> result = new LinkedHashMap<>();
        for (String lane : allLanes) {
            Map<String, List<Finding>> rules = new LinkedHashMap<>();
            for (Rule rule : Rule.values()) {
                if (rulesRun.contains(rule)) {
                    rules.put(rule.id(), new ArrayList<>());
                }
            }
            result.put(lane, rules);
        }
        for (Finding f : findings.stream().sorted(FindingsJson.STABLE_ORDER).toList()) {
            result.get(f.lane()).computeIfAbsent(f.rule(), r -> new ArrayList<>()).add(f);
        }
        return result;
    }

    private void suite(XMLStreamWriter xml, String lane, Map<String, List<Finding>> rules) throws XMLStreamException {
        long failures = rules.values().stream().filter(this::failing).count();
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", lane);
        xml.writeAttribute("tests", String.valueOf(rules.size()));
        xml.writeAttribute("failures", String.valueOf(failures));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", "0");
        for (Map.Entry<String, List<Finding>> rule : rules.entrySet()) {
            testcase(xml, lane, rule.getKey(), rule.getValue());
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private void testcase(XMLStreamWriter xml, String lane, String rule, List<Finding> found) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", "aei." + lane);
        xml.writeAttribute("name", rule);
        List<Finding> failing = found.stream().filter(failOn::fails).toList();
        List<Finding> mild = found.stream().filter(f -> !failOn.fails(f)).toList();
        if (!failing.isEmpty()) {
            xml.writeCharacters("\n      ");
            xml.writeStartElement("failure");
            xml.writeAttribute("type", failing.get(0).severity().label());
            xml.writeAttribute("message", failing.size() == 1 ? failing.get(0).message()
                    : failing.size() + " findings; first: " + failing.get(0).message());
            xml.writeCharacters(lines(failing));
            xml.writeEndElement();
        }
        if (!mild.isEmpty()) {
            xml.writeCharacters("\n      ");
            xml.writeStartElement("system-out");
            xml.writeCharacters(lines(mild));
            xml.writeEndElement();
        }
        if (!found.isEmpty()) {
            xml.writeCharacters("\n    ");
        }
        xml.writeEndElement();
    }

    private boolean failing(List<Finding> found) {
        return found.stream().anyMatch(failOn::fails);
    }

    private static String lines(List<Finding> findings) {
        StringBuilder text = new StringBuilder();
        for (Finding f : findings) {
            text.append(FindingsSummary.line(f)).append('\n');
        }
        return text.toString();
    }
}
