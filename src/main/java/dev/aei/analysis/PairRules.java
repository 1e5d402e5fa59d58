package dev.aei.analysis;

import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.Grammar;
import java.util.ArrayList;
import java.util.List;

/**
 * The pair rules of the profile's grammar, per run: {@code pair-unopened} (a close or inside event
 * without its open one, or an open outside the pair it must sit within), {@code pair-reopened} (a
 * second open of an open key) and {@code pair-unclosed} (still open when the run completes). Tool
 * pairs report {@code tool-unmatched} and {@code tool-unfinished} instead, as before pairs existed.
 * The run keeps its open pairs in a list; this class holds no state of its own.
 */
final class PairRules {
    /** Stands for the key of a pair without one: one open at a time. */
    private static final String NO_KEY = "";

    private final FindingLog log;
    private final List<Grammar.Pair> pairs;

    PairRules(FindingLog log, Grammar grammar) {
        this.log = log;
        this.pairs = grammar.pairs();
    }

    /** The run a pair event belongs to, worded only when a finding is raised (most events raise none). */
    interface Run {
        /** "run r-1", as findings name it. */
        String label();
    }

    /** An open pair of a run. */
    record Open(Grammar.Pair pair, String key, String fallback, String toolName, String toolCallId, int frame) {
        /** "text message m1", or for a tool "calc (call c-1)". */
        String label() {
            if (pair.tool()) {
                return (toolName == null ? "a tool" : toolName) + (toolCallId == null ? "" : " (call " + toolCallId + ")");
            }
            return pair.name() + (pair.keyed() && key != null ? " " + key : "");
        }
    }

    /**
     * Judges a pair event of a run whose open pairs are {@code open} (null when none); returns the
     * list as it is now (made on the first open).
     */
    List<Open> accept(List<Open> open, Grammar.Member m, AgentEvent e, String runId, Run run) {
        Grammar.Pair pair = m.pair();
        switch (m.part()) {
            case OPEN -> {
                if (pair.within() >= 0 && index(open, pairs.get(pair.within()), null, null) < 0) {
                    Grammar.Pair outer = pairs.get(pair.within());
                    log.raise(outer.tool() ? Rule.TOOL_UNMATCHED : Rule.PAIR_UNOPENED, e.lane(), runId, e.type()
                            + " in " + run.label() + " is not within an open " + outer.name() + " (no open "
                            + outer.opener() + ")", List.of(e.frame()));
                }
                String key = keyOf(pair, e);
                int again = key == null ? -1 : exact(open, pair, key);
                if (again >= 0) {
                    Open first = open.get(again);
                    log.raise(Rule.PAIR_REOPENED, e.lane(), runId, e.type() + " opened " + first.label() + " in "
                            + run.label() + " again while it was open (since frame " + first.frame() + ")",
                            List.of(first.frame(), e.frame()));
                    return open;
                }
                List<Open> list = open == null ? new ArrayList<>(2) : open;
                list.add(new Open(pair, key, e.pairFallback(), e.toolName(), e.toolCallId(), e.frame()));
                return list;
            }
            case CLOSE, INSIDE -> {
                int at = index(open, pair, keyOf(pair, e), e.pairFallback());
                if (at < 0) {
                    Open missing = new Open(pair, keyOf(pair, e), e.pairFallback(), e.toolName(), e.toolCallId(),
                            e.frame());
                    log.raise(pair.tool() ? Rule.TOOL_UNMATCHED : Rule.PAIR_UNOPENED, e.lane(), runId, e.type()
                            + " for " + missing.label() + " in " + run.label() + " has no open " + pair.opener(),
                            List.of(e.frame()));
                } else if (m.part() == Grammar.Part.CLOSE) {
                    open.remove(at);
                }
                return open;
            }
            default -> {
                return open;
            }
        }
    }

    /** The run completed with {@code e}: the pairs still open that must close are findings. */
    void completed(List<Open> open, AgentEvent e, String runId, Run run) {
        if (open == null || open.isEmpty()) {
            return;
        }
        for (Grammar.Pair pair : pairs) {
            if (!pair.mustClose()) {
                continue;
            }
            List<Open> left = open.stream().filter(o -> o.pair() == pair).toList();
            if (left.isEmpty()) {
                continue;
            }
            List<Integer> frames = new ArrayList<>();
            left.forEach(o -> frames.add(o.frame()));
            frames.add(e.frame());
            String labels = String.join(", ", left.stream().map(Open::label).toList());
            String verb = left.size() == 1 ? " was" : " were";
            if (pair.tool()) {
                log.raise(Rule.TOOL_UNFINISHED, e.lane(), runId, run.label() + " completed while " + labels + verb
                        + " still running", frames);
            } else {
                log.raise(Rule.PAIR_UNCLOSED, e.lane(), runId, run.label() + " completed while " + labels + verb
                        + " still open (no " + pair.close().get(0) + ")", frames);
            }
        }
    }

    private static String keyOf(Grammar.Pair pair, AgentEvent e) {
        return pair.keyed() ? e.pairKey() : NO_KEY;
    }

    /** The open pair with exactly this key, or -1. */
    private static int exact(List<Open> open, Grammar.Pair pair, String key) {
        if (open != null) {
            for (int i = 0; i < open.size(); i++) {
                Open o = open.get(i);
                if (o.pair() == pair && key.equals(o.key())) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * The open pair an event belongs to: by key; else, where a side lacks the key, the oldest
     * whose fallback matches (or any, without a fallback); or -1.
     */
    private static int index(List<Open> open, Grammar.Pair pair, String key, String fallback) {
        if (open == null) {
            return -1;
        }
        if (key != null) {
            int exact = exact(open, pair, key);
            if (exact >= 0) {
                return exact;
            }
        }
        for (int i = 0; i < open.size(); i++) {
            Open o = open.get(i);
            if (o.pair() == pair && (o.key() == null || key == null)
                    && (fallback == null || fallback.equals(o.fallback()))) {
                return i;
            }
        }
        return -1;
    }
}
