package dev.aei.cli;

import dev.aei.analysis.FailOn;
import dev.aei.analysis.Finding;
import dev.aei.analysis.FindingsJson;
import dev.aei.analysis.FindingsSummary;
import dev.aei.analysis.JUnitReport;
import dev.aei.analysis.Rule;
import dev.aei.analysis.RuleConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The findings options {@code record} and {@code check} share: {@code --findings-json},
 * {@code --junit}, {@code --fail-on}, {@code --answer-timeout} and {@code --canary}. Use as a picocli {@code @Mixin}, then call
 * {@link #report} with the findings to print the summary, write the files and get the exit code.
 */
public final class FindingsOptions {

    @Option(names = "--findings-json", paramLabel = "FILE",
            description = "Write the findings as JSON to FILE (a new file, or a report aei wrote before).")
    Path findingsJson;

    @Option(names = "--junit", paramLabel = "FILE",
            description = "Write JUnit XML to FILE: one testsuite per user, one testcase per rule "
                    + "(a new file, or a report aei wrote before).")
    Path junit;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error", converter = LevelConverter.class,
            description = "Exit 1 on findings at or above LEVEL: critical, error, warning, info or never "
                    + "(default: ${DEFAULT-VALUE}).")
    FailOn failOn = FailOn.DEFAULT;

    @Option(names = "--answer-timeout", paramLabel = "DURATION", defaultValue = "15s",
            converter = DurationConverter.class,
            description = "A prompt that started no run within this is prompt-unanswered (default ${DEFAULT-VALUE}).")
    Duration answerTimeout = RuleConfig.DEFAULT_ANSWER_TIMEOUT;

    @Mixin
    CanaryOptions canaries = new CanaryOptions();

    public FailOn failOn() {
        return failOn;
    }

    /** The default rules with the thresholds and prompt marker formats given on the command line. */
    public RuleConfig ruleConfig() {
        if (answerTimeout.isZero() || answerTimeout.isNegative()) {
            throw new IllegalArgumentException("--answer-timeout must be positive");
        }
        return RuleConfig.defaults().withAnswerTimeout(answerTimeout).withCanaries(canaries.patterns());
    }

    /**
     * Checks before the work starts that the report files may be written (see {@link ReportTarget}):
     * throws {@link IllegalArgumentException} saying why not.
     *
     * @param taken the command's other files, each with what it is (e.g. "the file checked")
     */
    public void checkTargets(Map<Path, String> taken) {
        Map<Path, String> others = new LinkedHashMap<>(taken);
        if (findingsJson != null) {
            ReportTarget.check("--findings-json", findingsJson, new FindingsJson()::holdsFindings, others);
            others.put(findingsJson, "the --findings-json report");
        }
        if (junit != null) {
            ReportTarget.check("--junit", junit, JUnitReport::writtenByAei, others);
        }
    }

    /**
     * Prints the summary, writes the requested files and returns the exit code: {@link Main#OK},
     * {@link Main#FINDINGS} when a finding reaches the fail-on level, {@link Main#USAGE_OR_IO}
     * when a file cannot be written (said on {@code err}).
     *
     * @param lanes    every lane of the session, for the JUnit suites of lanes without findings
     * @param rulesRun the rules that ran, for the JUnit test cases
     */
    public int report(List<Finding> findings, Collection<String> lanes, Collection<Rule> rulesRun,
                      PrintWriter out, PrintWriter err) {
        FindingsSummary.print(findings, out);
        try {
            if (findingsJson != null) {
                ReportTarget.makeFolders(findingsJson);
                new FindingsJson().write(findings, findingsJson);
            }
            if (junit != null) {
                ReportTarget.makeFolders(junit);
                new JUnitReport(failOn).write(junit, lanes, rulesRun, findings);
            }
        } catch (IOException e) {
            err.println("cannot write findings: " + ReportTarget.reason(e));
            err.flush();
            return Main.USAGE_OR_IO;
        }
        return failOn.failsAny(findings) ? Main.FINDINGS : Main.OK;
    }

    /** Reads a {@code --fail-on} level. */
    static final class LevelConverter implements ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            try {
                return FailOn.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage()); // shown as it is, without the Java class
            }
        }
    }
}
