package dev.aei.analysis;

import java.util.Arrays;
import java.util.Locale;

/** Every rule the analysis knows, with its wire id and severity. */
public enum Rule {
    FIRST_EVENT(Severity.ERROR, "a run's first event is its start"),
    AFTER_COMPLETION(Severity.ERROR, "nothing arrives for a run after it ended"),
    TOOL_UNMATCHED(Severity.ERROR, "every tool end has an open tool start"),
    TOOL_UNFINISHED(Severity.ERROR, "no tool call is open when its run completes"),
    RUN_INCOMPLETE(Severity.ERROR, "every started run completes in time"),
    DUPLICATE_START(Severity.ERROR, "a run starts once"),
    RUN_OVERLAP(Severity.ERROR, "a connection runs one run at a time, where the profile says so"),
    PAIR_UNOPENED(Severity.ERROR, "every close or inside event of a pair has its open event"),
    PAIR_UNCLOSED(Severity.ERROR, "no pair is open when its run completes"),
    PAIR_REOPENED(Severity.ERROR, "a pair is not opened again while it is open"),
    SEQ_GAP(Severity.ERROR, "no seq number is skipped"),
    SEQ_DUPLICATE(Severity.ERROR, "no seq number comes twice"),
    SEQ_REGRESSION(Severity.ERROR, "seq numbers never go back"),
    DUPLICATE_EVENT(Severity.ERROR, "no event is delivered twice"),
    TIMESTAMP_REGRESSION(Severity.WARNING, "the server clock never goes back"),
    LATE_EVENT(Severity.WARNING, "events arrive soon after the server sent them"),
    IDENTITY_MISMATCH(Severity.ERROR, "the server knows the connection as the token's user"),
    LEAK_OWNER(Severity.CRITICAL, "no event names another user"),
    LEAK_FOREIGN_RUN(Severity.CRITICAL, "no event of another user's run or thread arrives"),
    LEAK_CANARY(Severity.CRITICAL, "no other user's prompt marker arrives"),
    IDENTITY_UNVERIFIED(Severity.INFO, "the connection's user is known, so its identity can be checked"),
    IDENTITY_LOOKALIKE(Severity.INFO, "the server reports every user distinctly"),
    CROSS_TAB(Severity.WARNING, "a run's events go only to the connection that asked for it"),
    OTHER_TAB(Severity.INFO, "a user's other connections get the user's runs, as the profile says"),
    PROMPT_UNANSWERED(Severity.ERROR, "every prompt starts a run in time"),
    SERVER_ERROR(Severity.ERROR, "the server sends no error frame"),
    DISCONNECT(Severity.INFO, "the socket stays open"),
    RECONNECT(Severity.INFO, "the socket does not need to reconnect"),
    MALFORMED_FRAME(Severity.ERROR, "every text frame is a JSON object within the size limit"),
    UNKNOWN_EVENT(Severity.WARNING, "every frame is an event the profile knows"),
    CONTRACT_FIELD(Severity.WARNING, "every event carries what the client reads where the client reads it"),
    CONTRACT_END(Severity.WARNING, "every run ends with an event that ends it for the client");

    private final Severity severity;
    private final String expectation;

    Rule(Severity severity, String expectation) {
        this.severity = severity;
        this.expectation = expectation;
    }

    /** The id used in findings, files and on the command line, e.g. {@code seq-gap}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Severity severity() {
        return severity;
    }

    /** What the rule expects of a healthy backend, in a few words (JUnit test case descriptions). */
    public String expectation() {
        return expectation;
    }

    /** True for the rules that only fire where frames carry a {@code seq}. */
    public boolean needsSeq() {
        return this == SEQ_GAP || this == SEQ_DUPLICATE || this == SEQ_REGRESSION;
    }

    /** The rule with this id; throws with the list of valid ids otherwise. */
    public static Rule byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown rule '" + id + "'; rules are "
                        + String.join(", ", Arrays.stream(values()).map(Rule::id).toList())));
    }
}
