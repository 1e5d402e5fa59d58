package dev.aei.analysis;

import dev.aei.protocol.CanaryPattern;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which rules run and their thresholds; {@link #defaults()} are the documented defaults.
 *
 * @param enabled           the rules that run
 * @param runTimeout        a run not completed this long after its first event is {@code run-incomplete}
 * @param lateThreshold     server time to receive time above this is a {@code late-event}
 * @param duplicateWindow   a repeat of an event within this window is a {@code duplicate-event}
 * @param reorderWindow     a seq gap is reported once it stays open this long (or 3 more frames)
 * @param maxFrameBytes     text frames above this size are {@code malformed-frame}
 * @param answerTimeout     a prompt that started no run this long after it was sent is {@code prompt-unanswered}
 * @param canaries          prompt marker formats checked besides this tool's own (which always are)
 */
public record RuleConfig(Set<Rule> enabled, Duration runTimeout, Duration lateThreshold, Duration duplicateWindow,
                         Duration reorderWindow, int maxFrameBytes, Duration answerTimeout,
                         List<CanaryPattern> canaries) {

    /** Default time a prompt has to start a run: 15 s. */
    public static final Duration DEFAULT_ANSWER_TIMEOUT = Duration.ofSeconds(15);

    /** Default frame size limit: 16 MiB. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;

    public RuleConfig {
        enabled = enabled.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(enabled));
        requirePositive(runTimeout, "run timeout");
        requirePositive(lateThreshold, "late-event threshold");
        requirePositive(duplicateWindow, "duplicate window");
        requirePositive(reorderWindow, "reorder window");
        requirePositive(answerTimeout, "answer timeout");
        if (maxFrameBytes < 1) {
            throw new IllegalArgumentException("max frame size must be positive: " + maxFrameBytes);
        }
        canaries = canaries == null ? List.of() : List.copyOf(canaries);
    }

    /** Rules and thresholds checking only this tool's own prompt markers. */
    public RuleConfig(Set<Rule> enabled, Duration runTimeout, Duration lateThreshold, Duration duplicateWindow,
                      Duration reorderWindow, int maxFrameBytes, Duration answerTimeout) {
        this(enabled, runTimeout, lateThreshold, duplicateWindow, reorderWindow, maxFrameBytes, answerTimeout, List.of());
    }

    /** Rules and thresholds with the default answer timeout. */
    public RuleConfig(Set<Rule> enabled, Duration runTimeout, Duration lateThreshold, Duration duplicateWindow,
                      Duration reorderWindow, int maxFrameBytes) {
        this(enabled, runTimeout, lateThreshold, duplicateWindow, reorderWindow, maxFrameBytes, DEFAULT_ANSWER_TIMEOUT);
    }

    /** All rules; 60 s run timeout, 5 s late threshold, 10 s duplicate window, 2 s reorder window, 16 MiB, 15 s to answer. */
    public static RuleConfig defaults() {
        return new RuleConfig(EnumSet.allOf(Rule.class), Duration.ofSeconds(60), Duration.ofSeconds(5),
                Duration.ofSeconds(10), Duration.ofSeconds(2), DEFAULT_MAX_FRAME_BYTES, DEFAULT_ANSWER_TIMEOUT);
    }

    public boolean isEnabled(Rule rule) {
        return enabled.contains(rule);
    }

    /** A copy with these rules switched off. */
    public RuleConfig without(Rule... rules) {
        EnumSet<Rule> left = enabled.isEmpty() ? EnumSet.noneOf(Rule.class) : EnumSet.copyOf(enabled);
        left.removeAll(Set.of(rules));
        return new RuleConfig(left, runTimeout, lateThreshold, duplicateWindow, reorderWindow, maxFrameBytes, answerTimeout,
                canaries);
    }

    public RuleConfig withRunTimeout(Duration timeout) {
        return new RuleConfig(enabled, timeout, lateThreshold, duplicateWindow, reorderWindow, maxFrameBytes, answerTimeout,
                canaries);
    }

    public RuleConfig withLateThreshold(Duration threshold) {
        return new RuleConfig(enabled, runTimeout, threshold, duplicateWindow, reorderWindow, maxFrameBytes, answerTimeout,
                canaries);
    }

    public RuleConfig withDuplicateWindow(Duration window) {
        return new RuleConfig(enabled, runTimeout, lateThreshold, window, reorderWindow, maxFrameBytes, answerTimeout,
                canaries);
    }

    public RuleConfig withReorderWindow(Duration window) {
        return new RuleConfig(enabled, runTimeout, lateThreshold, duplicateWindow, window, maxFrameBytes, answerTimeout,
                canaries);
    }

    public RuleConfig withMaxFrameBytes(int bytes) {
        return new RuleConfig(enabled, runTimeout, lateThreshold, duplicateWindow, reorderWindow, bytes, answerTimeout,
                canaries);
    }

    public RuleConfig withAnswerTimeout(Duration timeout) {
        return new RuleConfig(enabled, runTimeout, lateThreshold, duplicateWindow, reorderWindow, maxFrameBytes, timeout,
                canaries);
    }

    /** A copy that also checks prompt markers of these formats (this tool's own are always checked). */
    public RuleConfig withCanaries(List<CanaryPattern> patterns) {
        return new RuleConfig(enabled, runTimeout, lateThreshold, duplicateWindow, reorderWindow, maxFrameBytes, answerTimeout,
                patterns);
    }

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
    }
}
