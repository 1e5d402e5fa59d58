package dev.aei.analysis;

import dev.aei.auth.Redactor;
import dev.aei.capture.AppendOnlyList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Where rules report: drops disabled rules, stamps the rule's severity, keeps the findings in
 * raise order for readers on any thread, and tells every sink.
 */
final class FindingLog {
    private final RuleConfig config;
    private final AppendOnlyList<Finding> findings = new AppendOnlyList<>();
    private final List<Consumer<Finding>> sinks = new CopyOnWriteArrayList<>();
    private final Redactor redactor = new Redactor();
    private long now;

    FindingLog(RuleConfig config) {
        this.config = config;
    }

    void addSink(Consumer<Finding> sink) {
        sinks.add(sink);
    }

    /** The session-clock instant findings raised from now on carry. */
    void at(long nanos) {
        now = Math.max(now, nanos);
    }

    boolean isEnabled(Rule rule) {
        return config.isEnabled(rule);
    }

    void raise(Rule rule, String lane, String runId, String message, List<Integer> frames) {
        if (!config.isEnabled(rule)) {
            return;
        }
        // Messages and run ids quote frame content; a credential in a frame must not reach the
        // findings shown on screen and exported as JSON or JUnit XML.
        Finding finding = new Finding(rule.id(), rule.severity(), lane, redactor.text(runId), redactor.text(message),
                frames, now);
        findings.append(finding);
        for (Consumer<Finding> sink : sinks) {
            try {
                sink.accept(finding);
            } catch (RuntimeException e) {
                // A misbehaving sink must not stop the analysis; the finding stays in the log.
            }
        }
    }

    /** The findings raised so far, from index {@code from} on; safe from any thread. */
    List<Finding> snapshot(int from) {
        int size = findings.size();
        return List.copyOf(findings.subList(Math.min(from, size), size));
    }

    int size() {
        return findings.size();
    }
}
