package dev.aei.ui.app;

import dev.aei.analysis.FailOn;
import dev.aei.analysis.FindingsJson;
import dev.aei.analysis.JUnitReport;
import dev.aei.analysis.RuleConfig;
import dev.aei.capture.Lane;
import dev.aei.fixture.Fixture;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * File &gt; Export &gt; Findings: the findings of what is shown, as JUnit XML for a name ending in
 * {@code .xml} (for CI), else as the findings JSON {@code --findings-json} writes.
 */
final class FindingsFile {

    private FindingsFile() {
    }

    static boolean isJUnit(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml");
    }

    /** Writes the file and says what it holds, e.g. "3 findings of 2 users as JUnit XML". */
    static String write(Fixture shown, Path file) throws IOException {
        var lanes = shown.session().lanes().stream().map(Lane::id).toList();
        if (isJUnit(file)) { // the window runs every rule: the default configuration's
            new JUnitReport(FailOn.DEFAULT).write(file, lanes, RuleConfig.defaults().enabled(), shown.findings());
        } else {
            new FindingsJson().write(shown.findings(), file);
        }
        int count = shown.findings().size();
        return count + (count == 1 ? " finding" : " findings") + " of " + lanes.size()
                + (lanes.size() == 1 ? " user" : " users") + (isJUnit(file) ? " as JUnit XML" : " as JSON")
                + " to " + file;
    }
}
